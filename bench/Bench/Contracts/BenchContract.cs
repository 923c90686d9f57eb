namespace TrainingOrchestration.Bench.Contracts;

/// <summary>The 20-rule contract over the churn source columns, and the DuckDB query computing the same aggregates.</summary>
internal static class BenchContract
{
    public const string Yaml = """
        contract: churn-bench
        version: "1"
        columns:
          - { name: customer_id, type: string }
          - { name: churn, type: string }
          - { name: female, type: integer }
          - { name: senior_citizen, type: integer }
          - { name: partner, type: integer }
          - { name: dependents, type: integer }
          - { name: tenure, type: integer }
          - { name: phone_service, type: integer }
          - { name: multiple_lines, type: string }
          - { name: internet_service, type: string }
          - { name: online_security, type: string }
          - { name: online_backup, type: string }
          - { name: device_protection, type: string }
          - { name: tech_support, type: string }
          - { name: streaming_tv, type: string }
          - { name: streaming_movies, type: string }
          - { name: contract, type: string }
          - { name: paperless_billing, type: integer }
          - { name: payment_method, type: string }
          - { name: monthly_charges, type: decimal }
          - { name: total_charges, type: decimal }
        rules:
          - { check: primary_key, column: customer_id }
          - { check: pattern, column: customer_id, regex: '^C[0-9]+$' }
          - { check: length, column: customer_id, min: 7, max: 12 }
          - { check: allowed_values, column: churn, values: ['Yes', 'No'] }
          - { check: allowed_values, column: contract, values: [Month-to-month, One year, Two year] }
          - { check: allowed_values, column: internet_service, values: [DSL, Fiber optic, 'No'] }
          - { check: allowed_values, column: payment_method, values: [Electronic check, Mailed check, Bank transfer (automatic), Credit card (automatic)] }
          - { check: allowed_values, column: senior_citizen, values: [0, 1] }
          - { check: range, column: tenure, min: 0, max: 72 }
          - { check: range, column: monthly_charges, min: 15, max: 150 }
          - { check: range, column: total_charges, min: 0, max: 12000 }
          - { check: not_null, column: monthly_charges }
          - { check: completeness, column: total_charges, min: 0.99 }
          - { check: expression, name: billed, expr: "total_charges >= monthly_charges or tenure == 0" }
          - { check: expression, name: lines_need_phone, expr: "multiple_lines != 'No phone service' or phone_service == 0" }
          - { check: row_count, min: 1000 }
          - { check: mean, column: monthly_charges, min: 50, max: 80 }
          - { check: stddev, column: tenure, min: 15, max: 35 }
          - { check: quantile, column: tenure, q: 0.5, min: 15, max: 45 }
          - { check: mean, column: senior_citizen, max: 0.5 }
        """;

    /// <summary>The same 20 aggregates in one DuckDB query (exact quantile; DuckDB uses every core), over the CSV or Parquet file.</summary>
    public static string DuckDbQuery(string file) => $"""
        SELECT
          count(*) - count(DISTINCT customer_id) + count(*) FILTER (WHERE customer_id IS NULL) AS pk_violations,
          count(*) FILTER (WHERE NOT regexp_full_match(customer_id, '^C[0-9]+$')) AS pattern_violations,
          count(*) FILTER (WHERE length(customer_id) NOT BETWEEN 7 AND 12) AS length_violations,
          count(*) FILTER (WHERE churn NOT IN ('Yes', 'No')) AS churn_violations,
          count(*) FILTER (WHERE contract NOT IN ('Month-to-month', 'One year', 'Two year')) AS contract_violations,
          count(*) FILTER (WHERE internet_service NOT IN ('DSL', 'Fiber optic', 'No')) AS internet_violations,
          count(*) FILTER (WHERE payment_method NOT IN ('Electronic check', 'Mailed check', 'Bank transfer (automatic)', 'Credit card (automatic)')) AS payment_violations,
          count(*) FILTER (WHERE senior_citizen NOT IN (0, 1)) AS senior_violations,
          count(*) FILTER (WHERE tenure NOT BETWEEN 0 AND 72) AS tenure_violations,
          count(*) FILTER (WHERE monthly_charges NOT BETWEEN 15 AND 150) AS monthly_violations,
          count(*) FILTER (WHERE total_charges NOT BETWEEN 0 AND 12000) AS total_violations,
          count(*) FILTER (WHERE monthly_charges IS NULL) AS monthly_nulls,
          count(total_charges) / count(*) AS total_completeness,
          count(*) FILTER (WHERE NOT (total_charges >= monthly_charges OR tenure = 0)) AS billed_violations,
          count(*) FILTER (WHERE NOT (multiple_lines <> 'No phone service' OR phone_service = 0)) AS lines_violations,
          count(*) AS row_count,
          avg(monthly_charges) AS monthly_mean,
          stddev_samp(tenure) AS tenure_stddev,
          quantile_cont(tenure, 0.5) AS tenure_median,
          avg(senior_citizen) AS senior_mean
        FROM {DuckDbSource(file)}
        """;

    public static string DuckDbSource(string file) => file.EndsWith(".parquet", StringComparison.Ordinal)
        ? $"read_parquet('{file}')"
        : $"read_csv('{file}', header = true, columns = {DuckDbColumns})";

    private const string DuckDbColumns = "{'customer_id': 'VARCHAR', 'churn': 'VARCHAR', 'female': 'INTEGER', 'senior_citizen': 'INTEGER', " +
        "'partner': 'INTEGER', 'dependents': 'INTEGER', 'tenure': 'INTEGER', 'phone_service': 'INTEGER', 'multiple_lines': 'VARCHAR', " +
        "'internet_service': 'VARCHAR', 'online_security': 'VARCHAR', 'online_backup': 'VARCHAR', 'device_protection': 'VARCHAR', " +
        "'tech_support': 'VARCHAR', 'streaming_tv': 'VARCHAR', 'streaming_movies': 'VARCHAR', 'contract': 'VARCHAR', " +
        "'paperless_billing': 'INTEGER', 'payment_method': 'VARCHAR', 'monthly_charges': 'DOUBLE', 'total_charges': 'DOUBLE'}";
}
