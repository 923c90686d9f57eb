using System.Text;
using System.Text.Json;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Validation;

public sealed class ParallelChunkTests : IDisposable
{
    private const string Contract = """
        contract: chunks
        version: "1"
        exampleRows: 3
        columns:
          - { name: id, type: string }
          - { name: note, type: string }
          - { name: n, type: integer }
          - { name: x, type: decimal }
        rules:
          - { check: primary_key, column: id }
          - { check: range, column: n, min: 0, max: 900 }
          - { check: length, column: note, max: 40 }
          - { check: mean, column: x, min: 0, max: 1000 }
          - { check: stddev, column: x, min: 0, max: 1000 }
          - { check: quantile, column: x, q: 0.9, min: 0, max: 1000 }
          - { check: expression, name: positive, expr: "x > 0 or n == 0" }
        """;

    private readonly string temp = Directory.CreateTempSubdirectory("contract-chunks-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_large_csv_file_scanned_in_parallel_chunks_gives_the_outcome_of_a_serial_scan(bool quotedLineBreaks)
    {
        var path = Path.Combine(temp, "part-00000.csv");
        File.WriteAllText(path, Table(120_000, quotedLineBreaks));
        Assert.True(new FileInfo(path).Length > ContractValidator.MinChunkedBytes);

        var serial = await Validate(path, parallelism: 1);
        var parallel = await Validate(path, parallelism: 3);

        Assert.Equal(120_000, serial.RowCount);
        Assert.Equal(2, serial.Rule("columns").FailingCount);
        Assert.Equal(3, serial.Rule("primary_key:id").FailingCount);
        Assert.Contains("first at part-00000.csv row 5", serial.Rule("primary_key:id").Examples[0].Value);
        Assert.Equal(Json(serial), Json(parallel));
    }

    [Fact]
    public async Task A_pattern_that_times_out_in_a_later_chunk_still_fails_with_its_row_after_the_merge()
    {
        const string contract = """
            contract: chunks
            version: "1"
            columns:
              - { name: id, type: string }
              - { name: note, type: string }
            rules:
              - { check: pattern, column: note, regex: '^(a+)+$' }
            """;
        var path = Path.Combine(temp, "part-00000.csv");
        var csv = new StringBuilder("id,note\n");
        for (var i = 1; i <= 400_000; i++) csv.Append('K').Append(i).Append(',').Append(i == 250_000 ? new string('a', 40) + "!" : "aaaa").Append('\n');
        File.WriteAllText(path, csv.ToString());
        Assert.True(new FileInfo(path).Length > ContractValidator.MinChunkedBytes);

        var serial = await Validate(path, parallelism: 1, contract);
        var parallel = await Validate(path, parallelism: 3, contract);

        Assert.StartsWith("timed out at row 250000", serial.Rule("pattern:note").Observed);
        Assert.StartsWith("timed out at row 250000", parallel.Rule("pattern:note").Observed);
        Assert.Contains("simplify", parallel.Rule("pattern:note").Note);
    }

    /// <summary>Rows with failures spread over the file (so they land in different chunks), duplicates far from their first rows, two ragged rows.</summary>
    private static string Table(int rows, bool quotedLineBreaks)
    {
        var csv = new StringBuilder("id,note,n,x\n");
        var random = new Random(11);
        for (var i = 1; i <= rows; i++)
        {
            var id = i switch { 70_000 => "K5", 100_001 => "K5", 110_000 => "K9", _ => "K" + i };
            var note = quotedLineBreaks ? $"\"line one, {i}\nline \"\"two\"\"\"" : $"note number {i} of the table";
            if (i % 9_973 == 0) note = new string('w', 50);
            var n = i % 7_919 == 0 ? 1000 : i % 900;
            var x = i % 12_007 == 0 ? "-1.5" : (random.NextDouble() * 500).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            csv.Append(id).Append(',').Append(note).Append(',').Append(n).Append(',').Append(x).Append('\n');
            if (i is 30_000 or 90_000) csv.Append("ragged,row\n");
        }
        return csv.ToString();
    }

    private static Task<ValidationOutcome> Validate(string path, int parallelism, string contract = Contract) =>
        new ContractValidator(ContractLoader.Parse(contract, "contract.yaml")).ValidateAsync(
            [new TableSource(Path.GetFileName(path), new FileInfo(path).Length, _ => Task.FromResult<Stream>(File.OpenRead(path)))],
            new ValidationInputs { Now = ContractRun.Now, UniqueKeysInMemory = 20_000, Parallelism = parallelism, TempDirectory = Path.Combine(Path.GetTempPath(), "contract-chunks-spill") });

    private static string Json(ValidationOutcome outcome) => JsonSerializer.Serialize(outcome with { DurationMs = 0 }, ProfileJsonContext.Default.ValidationOutcome);

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
