using System.Text;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Validation;

/// <summary>
/// CSV validated in batches a column at a time (the default) gives, rule by rule and in the profile, the outcome of the
/// row-by-row path (<see cref="ValidationInputs.CsvColumnAtATime"/> false): serially with and without read-ahead and in
/// parallel chunks, on a table spanning several batches with nulls, null texts, invalid cells of every type, failures
/// of every cell rule, duplicate keys, false predicates, ragged rows and quoted fields, dense enough that the examples
/// run across batch boundaries.
/// </summary>
public sealed class CsvBatchOutcomeTests
{
    private const string Contract = """
        contract: batches
        version: "1"
        exampleRows: 400
        nullValues: [NA, "-"]
        columns:
          - { name: id, type: string }
          - { name: plan, type: string }
          - { name: tenure, type: integer }
          - { name: charges, type: decimal }
          - { name: flag, type: boolean }
          - { name: seen, type: timestamp }
          - { name: day, type: date }
          - { name: note, type: string }
          - { name: code, type: integer }
          - { name: label, type: string }
        rules:
          - { check: primary_key, column: id }
          - { check: pattern, column: id, regex: '^C[0-9]+$' }
          - { check: length, column: id, max: 7 }
          - { check: allowed_values, column: plan, values: [basic, pro] }
          - { check: drift, column: plan, kind: categorical }
          - { check: completeness, column: plan, min: 0.99 }
          - { check: range, column: tenure, min: 0, max: 70 }
          - { check: quantile, column: tenure, q: 0.5, min: 0, max: 79 }
          - { check: not_null, column: charges }
          - { check: range, column: charges, min: 0, max: 100 }
          - { check: mean, column: charges, min: 0, max: 1000 }
          - { check: stddev, column: charges, min: 0 }
          - { check: mean, column: flag, max: 0.5 }
          - { check: range, column: seen, min: '2024-01-01T00:00:00Z' }
          - { check: not_null, column: day }
          - { check: unique, column: code }
          - { check: unique, columns: [plan, code] }
          - { check: unique, column: label }
          - { check: expression, name: billed, expr: "charges >= tenure or plan == 'basic'" }
          - { check: expression, name: labelled, expr: "label != 'none' or flag == 1" }
          - { check: expression, name: arithmetic, expr: "charges / (tenure - 30) * 2 < code - 1000 or not (flag == 1 and plan != label)" }
          - { check: expression, name: times, expr: "seen > day or note is null" }
        """;

    [Fact]
    public async Task Batches_a_column_at_a_time_give_the_row_by_row_outcome_serially_with_and_without_read_ahead_and_in_chunks()
    {
        var csv = Encoding.UTF8.GetBytes(Table(110_000));
        Assert.True(csv.Length > ContractValidator.MinChunkedBytes);

        var reference = await Validate(csv, columnAtATime: false, parallelism: 1, readAhead: false);
        Assert.False(reference.Passed);
        Assert.True(reference.Rule("columns").FailingCount > 100);
        foreach (var rule in new[] { "type:tenure", "type:charges", "type:flag", "type:seen", "type:day", "type:code", "primary_key:id",
                     "pattern:id", "allowed_values:plan", "range:tenure", "not_null:charges", "range:charges", "not_null:day",
                     "unique:code", "unique:plan+code", "unique:label", "billed", "labelled", "arithmetic", "times" })
        {
            Assert.True(reference.Rule(rule).FailingCount > 0, rule);
        }
        Assert.True(reference.Rule("pattern:id").Examples[^1].Row > 5_000, "the examples run across batches");

        foreach (var (parallelism, readAhead) in new[] { (1, false), (1, true), (2, false), (3, true) })
        {
            var rowByRow = await Validate(csv, columnAtATime: false, parallelism, readAhead);
            var batches = await Validate(csv, columnAtATime: true, parallelism, readAhead);
            ContractRun.AssertSameOutcome(rowByRow, batches);
            ContractRun.AssertSameOutcome(reference, batches);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_that_stops_parsing_after_several_batches_reports_the_rows_before_it_as_row_by_row(bool readAhead)
    {
        var csv = Encoding.UTF8.GetBytes(Table(9_000) + "\"C9\"x,basic,1,2,1,2026-01-01,2026-01-01,n,1,l\n" + Table(100).Split('\n', 2)[1]);

        var rowByRow = await Validate(csv, columnAtATime: false, parallelism: 1, readAhead);
        var batches = await Validate(csv, columnAtATime: true, parallelism: 1, readAhead);

        Assert.Contains("not valid CSV", rowByRow.Rule("columns").Observed);
        Assert.True(rowByRow.RowCount > 0);
        ContractRun.AssertSameOutcome(rowByRow, batches);
    }

    private static Task<ValidationOutcome> Validate(byte[] csv, bool columnAtATime, int parallelism, bool readAhead) =>
        ContractRun.ValidateAsync(Contract, [("part-00000.csv", csv)], new ValidationInputs
        {
            Now = ContractRun.Now,
            CsvColumnAtATime = columnAtATime,
            Parallelism = parallelism,
            ReadAhead = readAhead,
            UniqueKeysInMemory = 30_000,
            TempDirectory = Path.Combine(Path.GetTempPath(), "contract-batches-spill"),
        });

    /// <summary>
    /// Rows whose faults recur at different periods, so every batch holds some of each: ragged rows (one field more or
    /// less), null texts and empty fields, cells of the wrong type, out-of-range values, repeated keys, quoted fields
    /// with delimiters, doubled quotes and (in the first rows only, so that chunk boundaries stay outside quotes) line breaks.
    /// </summary>
    private static string Table(int rows)
    {
        var text = new StringBuilder("id,plan,tenure,charges,flag,seen,day,note,code,label\n");
        for (var i = 1; i <= rows; i++)
        {
            var id = i % 107 == 0 ? "NA" : i % 97 == 0 ? $"C{i - 40}" : i % 89 == 0 ? $"X{i}" : i % 83 == 0 ? "" : i % 211 == 0 ? $"C{i}0000" : $"C{i}";
            var plan = i % 7 == 0 ? "pro" : i % 61 == 0 ? "gold" : i % 67 == 0 ? "NA" : "basic";
            var tenure = i % 53 == 0 ? "x1" : i % 59 == 0 ? "" : i % 71 == 0 ? "99" : (i % 60).ToString();
            var charges = i % 43 == 0 ? "-" : i % 47 == 0 ? "1e400" : i % 101 == 0 ? "150.5" : i % 3 == 0 ? $"{i % 90}.{i % 100:00}" : $"{i % 50}";
            var flag = i % 37 == 0 ? "maybe" : i % 5 == 0 ? "true" : i % 11 == 0 ? "FALSE" : i % 2 == 0 ? "1" : "0";
            var seen = i % 41 == 0 ? "2026-13-01T00:00:00Z" : i % 79 == 0 ? "2020-01-01 00:00:00" : $"2026-01-{1 + i % 28:00}T10:{i % 60:00}:00Z";
            var day = i % 31 == 0 ? "2026-02-30" : i % 73 == 0 ? "null" : i % 29 == 0 ? "" : $"2026-03-{1 + i % 30:00}";
            var note = i % 19 == 0 ? (i < 3_000 ? "\"a, \"\"quoted\"\"\nnote\"" : "\"a, \"\"quoted\"\"\"") : i % 23 == 0 ? "NA" : "n";
            var code = i % 17 == 0 ? "1.5" : i % 13 == 0 ? (i - 13).ToString() : i.ToString();
            var label = i % 103 == 0 ? "-" : i % 9 == 0 ? "none" : i % 101 == 0 ? $"L{i - 101}" : $"L{i}";
            var line = $"{id},{plan},{tenure},{charges},{flag},{seen},{day},{note},{code},{label}";
            if (i % 113 == 0) line += ",extra";
            if (i % 127 == 0) line = line[..line.LastIndexOf(',')];
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }
}
