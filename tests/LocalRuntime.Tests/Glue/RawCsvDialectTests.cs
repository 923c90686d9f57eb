using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue;

/// <summary>
/// The local feature job reads raw CSV files in the contract's declared dialect (<c>--csv_delimiter</c>,
/// <c>--csv_quote</c>), never a sniffed one, and refuses a file it cannot read as the Glue script does, naming the line.
/// </summary>
public sealed class RawCsvDialectTests
{
    private static FeatureJobOutcome Run(FeatureWorkspace ws, string runId, char delimiter = ',')
    {
        var arguments = ws.Arguments(runId);
        arguments["--csv_delimiter"] = delimiter.ToString();
        arguments["--csv_quote"] = "\"";
        return ws.Runner().Run(FeatureWorkspace.JobName, FeatureJobArguments.Parse(arguments));
    }

    [Fact]
    public void A_declared_semicolon_reads_the_raw_file_and_writes_the_table_with_it()
    {
        using var ws = new FeatureWorkspace().WithRawFile("customers.csv", File.ReadAllText(RepoPaths.ChurnSample).Replace(',', ';'));

        var outcome = Run(ws, "r1", ';');

        Assert.Equal(7043, outcome.Rows.Table);
        Assert.StartsWith("customer_id;churn;", File.ReadLines(ws.FeaturesFile("r1", "table")).First());
        Assert.Contains(',', File.ReadLines(ws.FeaturesFile("r1", "train")).First());
    }

    [Fact]
    public void A_file_in_another_dialect_than_declared_is_not_sniffed_into_reading()
    {
        using var ws = new FeatureWorkspace().WithRawFile("customers.csv", File.ReadAllText(RepoPaths.ChurnSample).Replace(',', ';'));

        var error = Assert.Throws<FeatureJobException>(() => Run(ws, "r1"));

        Assert.Contains("entity key column 'customer_id'", error.Message);
    }

    [Theory]
    [InlineData("customer_id,churn\nC1,Yes\nC2,\"No\nC3,Yes\n", "customers.csv: line 3: the \" opened on this line is never closed")]
    [InlineData("customer_id,churn,churn\nC1,Yes,No\n", "customers.csv: line 1: the header names column 'churn' 2 times (columns 2 and 3)")]
    [InlineData("", "customers.csv: the file is empty (no header row)")]
    public void A_raw_file_that_cannot_be_read_fails_the_job_saying_exactly_why(string content, string message)
    {
        using var ws = new FeatureWorkspace().WithRawFile("customers.csv", content);

        var error = Assert.Throws<FeatureJobException>(() => Run(ws, "r1"));

        Assert.Contains(message, error.Message);
        Assert.Contains("s3://churn-bucket/raw/customers/", error.Message);
    }
}
