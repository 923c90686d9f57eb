-- Features for the monthly-charges pipeline (a regression), over the view `source` (the latest row per customer_id of
-- table `customers`). Portable between Spark SQL (Glue) and DuckDB: only CAST, CASE. Yes/no columns are compared as
-- LOWER(text) IN ('yes', 'true') because DuckDB's CSV sniffer reads Yes/No as BOOLEAN.
-- Output: entity key, the label (the monthly charge in US$), then the services the customer has as 0/1 indicators.
-- Nothing about tenure or total charges: the total is tenure times the charge, which would leak the label.
SELECT
  customer_id,
  CAST(monthly_charges AS DOUBLE) AS monthly_charges,
  CAST(phone_service AS INT) AS phone_service,
  CASE WHEN LOWER(CAST(multiple_lines AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS multiple_lines,
  CASE WHEN CAST(internet_service AS STRING) = 'DSL' THEN 1 ELSE 0 END AS internet_dsl,
  CASE WHEN CAST(internet_service AS STRING) = 'Fiber optic' THEN 1 ELSE 0 END AS internet_fiber,
  CASE WHEN LOWER(CAST(online_security AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS online_security,
  CASE WHEN LOWER(CAST(online_backup AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS online_backup,
  CASE WHEN LOWER(CAST(device_protection AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS device_protection,
  CASE WHEN LOWER(CAST(tech_support AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS tech_support,
  CASE WHEN LOWER(CAST(streaming_tv AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS streaming_tv,
  CASE WHEN LOWER(CAST(streaming_movies AS STRING)) IN ('yes', 'true') THEN 1 ELSE 0 END AS streaming_movies,
  CAST(paperless_billing AS INT) AS paperless_billing
FROM source
