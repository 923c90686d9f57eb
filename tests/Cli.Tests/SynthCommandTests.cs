namespace TrainingOrchestration.Cli.Tests;

public sealed class SynthCommandTests : IDisposable
{
    private readonly string _pipelines = Path.Combine(Path.GetTempPath(), $"synth-gate-{Guid.NewGuid():N}");

    [Fact]
    public async Task Synth_refuses_a_contract_column_the_feature_sql_does_not_produce_naming_file_line_and_column()
    {
        Repository.CopyPipeline("churn", _pipelines);
        var contract = Path.Combine(_pipelines, "churn", "contract.yaml");
        var lines = File.ReadAllLines(contract).ToList();
        var at = lines.FindIndex(l => l.Contains("{ name: churn, type: integer }")) + 1;
        lines.Insert(at, "  - { name: loyalty_score, type: decimal }");
        File.WriteAllLines(contract, lines);

        var (exit, output, error) = await CliProcess.RunAsync("synth", "--out", Path.Combine(_pipelines, "out"), "--pipelines", _pipelines);

        Assert.Equal(1, exit);
        Assert.Contains("loyalty_score", error);
        Assert.Contains($"contract.yaml:{at + 1}", error);
        Assert.Contains("does not produce", error);
        Assert.DoesNotContain(".template.json", output);
    }

    public void Dispose()
    {
        if (Directory.Exists(_pipelines)) Directory.Delete(_pipelines, recursive: true);
    }
}
