using System.Text.Json;
using DuckDB.NET.Data;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Tests.Reading;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Validation;

/// <summary>
/// Outcomes, rule by rule and in the profile, are byte-identical between a table as CSV and as Parquet, and between the
/// page decoder and Parquet.Net (<see cref="ValidationInputs.ParquetPageDecoder"/> false), serially and in parallel row groups.
/// </summary>
public sealed class ParquetOutcomeTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("contract-parquet-outcome-").FullName;

    [Fact]
    public async Task The_bundled_churn_features_with_faults_give_one_outcome_as_csv_and_as_parquet_by_either_reader()
    {
        var contract = ContractLoader.Load(Path.Combine(Repository.Path("pipelines", "churn"), "contract.yaml"));
        var table = FeatureTable.Build("churn", "customer_id", temp);
        var lines = File.ReadAllLines(table);
        var header = lines[0].Split(',');
        void Set(int row, string column, string value)
        {
            var fields = lines[row].Split(',');
            fields[Array.IndexOf(header, column)] = value;
            lines[row] = string.Join(',', fields);
        }
        for (var row = 90; row < lines.Length; row += 613) Set(row, "total_charges", "");
        for (var row = 400; row < lines.Length; row += 1499) Set(row, "customer_id", lines[row - 350].Split(',')[0]);
        for (var row = 1234; row < lines.Length; row += 2000) Set(row, "tenure_months", "900");
        File.WriteAllLines(table, lines);
        var parquet = ToParquet(table, ", ROW_GROUP_SIZE 2048");

        var fromCsv = await Validate(contract, table, new ValidationInputs { Now = ContractRun.Now });
        Assert.False(fromCsv.Passed);
        Assert.Contains(fromCsv.Rules, r => r.FailingCount > 0 && r.Check == "range");
        foreach (var parallelism in new[] { 1, 2 })
        {
            foreach (var decoder in new[] { true, false })
            {
                var inputs = new ValidationInputs { Now = ContractRun.Now, Parallelism = parallelism, ParquetPageDecoder = decoder };
                ContractRun.AssertSameOutcome(fromCsv, await Validate(contract, parquet, inputs));
            }
        }
    }

    [Fact]
    public async Task Failures_in_the_middle_of_a_page_and_nulls_give_one_outcome_as_csv_and_as_parquet_by_either_reader()
    {
        const string yaml = """
            contract: decoded
            version: "1"
            exampleRows: 4
            columns:
              - { name: id, type: string }
              - { name: plan, type: string }
              - { name: tenure, type: integer }
              - { name: charges, type: decimal }
              - { name: big, type: integer }
              - { name: flag, type: boolean }
              - { name: ratio, type: decimal }
              - { name: word, type: string }
            rules:
              - { check: primary_key, column: id }
              - { check: pattern, column: id, regex: '^C[0-9]+$' }
              - { check: allowed_values, column: plan, values: [basic, pro] }
              - { check: completeness, column: plan, min: 0.99 }
              - { check: range, column: tenure, min: 0, max: 79 }
              - { check: quantile, column: tenure, q: 0.5, min: 0, max: 79 }
              - { check: not_null, column: charges }
              - { check: mean, column: charges, min: 0, max: 100000 }
              - { check: stddev, column: big, min: 0 }
              - { check: mean, column: flag, max: 0.5 }
              - { check: range, column: ratio, min: 0, max: 3 }
              - { check: length, column: id, max: 9 }
              - { check: allowed_values, column: word, values: ['é1✓', 'é2✓', 'é30✓'] }
              - { check: drift, column: plan, kind: categorical }
              - { check: drift, column: tenure, kind: categorical }
              - { check: expression, name: pro_has_tenure, expr: "plan != 'pro' or tenure > 0" }
            """;
        var contract = ContractLoader.Parse(yaml, "contract.yaml");
        var csv = Path.Combine(temp, "part-00000.csv");
        Copy(ParquetDecoderTests.TableSql, $"'{csv}' (HEADER, DELIMITER ',')");
        var parquet = ToParquet(csv, ", ROW_GROUP_SIZE 4096", ParquetDecoderTests.TableSql);

        var fromCsv = await Validate(contract, csv, new ValidationInputs { Now = ContractRun.Now, Parallelism = 1 });
        Assert.Equal([12347L], fromCsv.Rule("range:tenure").Examples.Select(e => e.Row));
        Assert.Equal([12346L], fromCsv.Rule("allowed_values:plan").Examples.Select(e => e.Row));
        Assert.True(fromCsv.Rule("not_null:charges").FailingCount > 0);
        Assert.True(fromCsv.Rule("primary_key:id").FailingCount > 0);
        Assert.True(fromCsv.Rule("allowed_values:word").FailingCount > 20000);
        foreach (var parallelism in new[] { 1, 2 })
        {
            foreach (var decoder in new[] { true, false })
            {
                var inputs = new ValidationInputs { Now = ContractRun.Now, Parallelism = parallelism, ParquetPageDecoder = decoder };
                ContractRun.AssertSameOutcome(fromCsv, await Validate(contract, parquet, inputs));
            }
        }
    }

    private static Task<ValidationOutcome> Validate(Model.DataContract contract, string path, ValidationInputs inputs) =>
        new ContractValidator(contract).ValidateAsync(
            [new TableSource(Path.GetFileName(path), new FileInfo(path).Length, _ => Task.FromResult<Stream>(File.OpenRead(path)))], inputs);

    private string ToParquet(string csv, string options, string? sql = null)
    {
        var parquet = Path.ChangeExtension(csv, ".parquet");
        Copy(sql ?? $"SELECT * FROM read_csv_auto('{csv}', header = true)", $"'{parquet}' (FORMAT parquet{options})");
        return parquet;
    }

    private static void Copy(string sql, string target)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({sql}) TO {target}";
        command.ExecuteNonQuery();
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
