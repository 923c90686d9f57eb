-- Features for the mlc-churn pipeline, over the view `source` (the latest row per subscriber_id of table `subscribers`).
-- Portable between Spark SQL (Glue) and DuckDB (local runtime and tests): only CAST, CASE and LOWER.
-- Columns may arrive typed (inferred from the CSV) or as strings, so every value is cast explicitly; yes/no columns
-- are compared as LOWER(text) IN ('yes', 'true') because DuckDB's CSV sniffer reads Yes/No as BOOLEAN.
-- `state` (51 values) is left out: with 5,000 rows it mostly adds noise, and the plans and usage carry the signal.
-- Output: entity key, label as 0/1, then numeric features.
SELECT
  subscriber_id,
  -- the label's two classes mapped explicitly: any other value stays NULL, which the contract's not_null rule reports
  CASE WHEN LOWER(CAST(churn AS STRING)) IN ('yes', 'true') THEN 1
       WHEN LOWER(CAST(churn AS STRING)) IN ('no', 'false') THEN 0 END AS churn,
  CAST(account_length AS INT) AS account_length,
  CASE WHEN CAST(area_code AS STRING) = 'area_code_408' THEN 1 ELSE 0 END AS area_code_408,
  CASE WHEN CAST(area_code AS STRING) = 'area_code_415' THEN 1 ELSE 0 END AS area_code_415,
  CASE WHEN CAST(area_code AS STRING) = 'area_code_510' THEN 1 ELSE 0 END AS area_code_510,
  CASE WHEN LOWER(CAST(international_plan AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS international_plan,
  CASE WHEN LOWER(CAST(voice_mail_plan AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS voice_mail_plan,
  CAST(number_vmail_messages AS INT) AS number_vmail_messages,
  CAST(total_day_minutes AS DOUBLE) AS total_day_minutes,
  CAST(total_day_calls AS INT) AS total_day_calls,
  CAST(total_day_charge AS DOUBLE) AS total_day_charge,
  CAST(total_eve_minutes AS DOUBLE) AS total_eve_minutes,
  CAST(total_eve_calls AS INT) AS total_eve_calls,
  CAST(total_eve_charge AS DOUBLE) AS total_eve_charge,
  CAST(total_night_minutes AS DOUBLE) AS total_night_minutes,
  CAST(total_night_calls AS INT) AS total_night_calls,
  CAST(total_night_charge AS DOUBLE) AS total_night_charge,
  CAST(total_intl_minutes AS DOUBLE) AS total_intl_minutes,
  CAST(total_intl_calls AS INT) AS total_intl_calls,
  CAST(total_intl_charge AS DOUBLE) AS total_intl_charge,
  CAST(number_customer_service_calls AS INT) AS number_customer_service_calls
FROM source
