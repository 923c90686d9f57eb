using TrainingOrchestration.Contracts.Tests.Reading;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Validation;

/// <summary>
/// The row checks over Parquet row groups (expressions over column vectors, keys straight from the decoded column) and the
/// numeric cell checks over whole columns give
/// the outcome the row-by-row path gives (Parquet.Net's reader, <see cref="ValidationInputs.ParquetPageDecoder"/> false):
/// same failing counts, examples (text, row) and order, with failures on both sides of the vector blocks' boundaries.
/// </summary>
public sealed class ParquetRowCheckTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("contract-parquet-rows-").FullName;

    // Rows fail around every multiple of 1024 (the vector block) and elsewhere; nulls, invalid text numbers, dictionary
    // and plain text columns, and a string column over a numeric Parquet column (read row by row).
    private const string Sql = """
        SELECT
          CASE WHEN i % 977 = 5 THEN NULL WHEN i % 1500 = 1499 THEN 'K' || CAST(i - 700 AS VARCHAR) ELSE 'K' || CAST(i AS VARCHAR) END AS id,
          CASE WHEN i % 61 = 0 THEN NULL WHEN i % 3 = 0 THEN 'pro' WHEN i % 3 = 1 THEN 'basic' ELSE 'No phone service' END AS plan,
          'n' || CAST(i % 9000 AS VARCHAR) AS note,
          CASE WHEN i % 67 = 0 THEN NULL WHEN i % 1024 IN (0, 1, 1023) THEN 0 ELSE CAST(i % 72 AS INTEGER) + 1 END AS tenure,
          CASE WHEN i % 71 = 0 THEN NULL WHEN i % 1024 IN (1022, 1023, 0, 1) THEN -1.5 ELSE CAST(i % 500 AS DOUBLE) + 80.25 END AS charges,
          CASE WHEN i % 83 = 0 THEN NULL ELSE i % 5 = 0 END AS flag,
          CASE WHEN i % 89 = 0 THEN NULL WHEN i % 400 = 3 THEN 'x' ELSE CAST(i % 7 AS VARCHAR) END AS code,
          CASE WHEN i % 97 = 0 THEN NULL WHEN i % 450 = 9 THEN '1e400' ELSE CAST(i % 13 AS VARCHAR) || '.5' END AS amount,
          CAST(i % 11 AS INTEGER) AS digits
        FROM range(0, 12000) t(i)
        """;

    private const string Yaml = """
        contract: rows
        version: "1"
        exampleRows: 60
        columns:
          - { name: id, type: string }
          - { name: plan, type: string }
          - { name: note, type: string }
          - { name: tenure, type: integer }
          - { name: charges, type: decimal }
          - { name: flag, type: boolean }
          - { name: code, type: integer }
          - { name: amount, type: decimal }
          - { name: digits, type: string }
        rules:
          - { check: primary_key, column: id }
          - { check: expression, name: billed, expr: "charges >= tenure or flag" }
          - { check: expression, name: lines, expr: "plan != 'No phone service' or tenure == 0" }
          - { check: expression, name: coerced, expr: "code * 2 < amount or code is null" }
          - { check: expression, name: texts, expr: "'basic' < plan and note >= plan" }
          - { check: expression, name: ratio, expr: "not (charges / tenure > 3) and -tenure <= 0 and amount - code != 4.5" }
          - { check: expression, name: numeric_text, expr: "digits != '3' and digits is not null" }
          - { check: range, column: charges, min: 0, max: 400 }
          - { check: not_null, column: tenure }
          - { check: completeness, column: charges, min: 0.999 }
          - { check: allowed_values, column: code, values: [0, 1, 2, 3, 4, 5] }
          - { check: allowed_values, column: tenure, values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] }
          - { check: range, column: code, min: 1, max: 5 }
          - { check: pattern, column: plan, regex: '^[a-z]{4,}$' }
          - { check: allowed_values, column: plan, values: [pro, basic] }
        """;

    [Theory]
    [InlineData(", ROW_GROUP_SIZE 3000")]
    [InlineData("")]
    public async Task Row_checks_over_row_groups_give_the_row_by_row_outcome(string options)
    {
        var contract = ContractLoader.Parse(Yaml, "contract.yaml");
        var parquet = ParquetDecoderTests.Write(temp, "rows.parquet", options, Sql);

        var rowByRow = await Validate(contract, parquet, new ValidationInputs { Now = ContractRun.Now, Parallelism = 1, ParquetPageDecoder = false });
        foreach (var rule in new[] { "billed", "lines", "coerced", "texts", "ratio", "numeric_text" })
        {
            Assert.True(rowByRow.Rule(rule).FailingCount > 20, $"{rule} fails {rowByRow.Rule(rule).FailingCount} rows");
        }
        Assert.All(rowByRow.Rule("billed").Examples, e => Assert.True(e.Row % 1024 is 0 or 1 or 2 or 1023, $"row {e.Row}"));
        Assert.Contains(rowByRow.Rule("billed").Examples, e => e.Row % 1024 is 0);
        Assert.Contains(rowByRow.Rule("billed").Examples, e => e.Row % 1024 is 1);
        Assert.True(rowByRow.Rule("primary_key:id").FailingCount > 10);
        foreach (var rule in new[] { "range:charges", "not_null:tenure", "completeness:charges", "allowed_values:code", "range:code", "type:code", "allowed_values:tenure", "pattern:plan", "allowed_values:plan" })
        {
            Assert.True(rowByRow.Rule(rule).FailingCount > 20, $"{rule} fails {rowByRow.Rule(rule).FailingCount} rows");
        }
        foreach (var parallelism in new[] { 1, 2 })
        {
            var inputs = new ValidationInputs { Now = ContractRun.Now, Parallelism = parallelism };
            ContractRun.AssertSameOutcome(rowByRow, await Validate(contract, parquet, inputs));
        }
    }

    private static Task<ValidationOutcome> Validate(Model.DataContract contract, string path, ValidationInputs inputs) =>
        new ContractValidator(contract).ValidateAsync(
            [new TableSource(Path.GetFileName(path), new FileInfo(path).Length, _ => Task.FromResult<Stream>(File.OpenRead(path)))], inputs);

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
