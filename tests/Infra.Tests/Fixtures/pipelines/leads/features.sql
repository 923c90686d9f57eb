SELECT lead_id, CASE WHEN converted = 'yes' THEN 1 ELSE 0 END AS converted, visits
FROM source
