SELECT payment_id, CASE WHEN disputed = 'yes' THEN 1 ELSE 0 END AS disputed, amount
FROM source
