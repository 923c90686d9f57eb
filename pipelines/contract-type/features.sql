-- Features for the contract-type pipeline (three classes), over the view `source` (the latest row per customer_id of
-- table `customers`). Portable between Spark SQL (Glue) and DuckDB: only CAST, CASE, COALESCE, NULLIF, TRIM, LOWER.
-- Yes/no columns are compared as LOWER(text) IN ('yes', 'true') because DuckDB's CSV sniffer reads Yes/No as BOOLEAN.
-- Output: entity key, the label as a class number (multi:softprob wants 0..num_class-1), then numeric features.
SELECT
  customer_id,
  -- the three classes mapped explicitly with no ELSE: any other value stays NULL, which the contract's not_null rule reports
  CASE CAST(contract AS STRING)
    WHEN 'Month-to-month' THEN 0
    WHEN 'One year' THEN 1
    WHEN 'Two year' THEN 2
  END AS contract,
  CAST(female AS INT) AS female,
  CAST(senior_citizen AS INT) AS senior_citizen,
  CAST(partner AS INT) AS partner,
  CAST(dependents AS INT) AS dependents,
  CAST(tenure AS INT) AS tenure_months,
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
  CAST(paperless_billing AS INT) AS paperless_billing,
  CASE WHEN CAST(payment_method AS STRING) = 'Electronic check' THEN 1 ELSE 0 END AS pay_electronic_check,
  CASE WHEN CAST(payment_method AS STRING) = 'Mailed check' THEN 1 ELSE 0 END AS pay_mailed_check,
  CASE WHEN CAST(payment_method AS STRING) = 'Bank transfer (automatic)' THEN 1 ELSE 0 END AS pay_bank_transfer,
  CASE WHEN CAST(payment_method AS STRING) = 'Credit card (automatic)' THEN 1 ELSE 0 END AS pay_credit_card,
  CAST(monthly_charges AS DOUBLE) AS monthly_charges,
  -- 11 customers have no total_charges; all have tenure 0 (not billed yet), so their total so far is 0.
  COALESCE(CAST(NULLIF(TRIM(CAST(total_charges AS STRING)), '') AS DOUBLE), 0.0) AS total_charges
FROM source
