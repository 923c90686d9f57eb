using System.Text.Json.Nodes;

namespace TrainingOrchestration.Cli.Tests.New;

public sealed class NewCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("scaffold-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Pipelines => Path.Combine(_directory.FullName, "pipelines");

    [Fact]
    public async Task A_scaffolded_pipeline_passes_validate_and_runs_to_a_decision_without_edits()
    {
        var csv = CreditCsv.Write(_directory.FullName);
        var before = File.ReadAllText(csv);

        var (created, output, error) = await CliProcess.RunAsync("new", "credit", "--from-csv", csv, "--label", "decision", "--positive", "approved", "--pipelines", Pipelines);
        Assert.True(created == 0, output + error);
        var (validated, validation, validationError) = await CliProcess.RunAsync("validate", "credit", "--pipelines", Pipelines);
        Assert.True(validated == 0, validation + validationError);
        var workspace = Path.Combine(_directory.FullName, "run");
        var (ran, run, runError) = await CliProcess.RunAsync("run", "credit", "--pipelines", Pipelines, "--workspace", workspace);

        Assert.True(ran == 0, run + runError);
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, "record.json")))!;
        var outcome = Assert.Single(record["runs"]!.AsArray())!;
        Assert.Equal("SUCCEEDED", outcome["status"]!.GetValue<string>());
        Assert.Equal(before, File.ReadAllText(csv));
    }

    [Theory]
    [InlineData("dynamodb-stream", "newImage")]
    [InlineData("debezium", "after")]
    public async Task The_sample_event_has_the_shape_of_the_chosen_cdc_kind(string kind, string imageField)
    {
        var csv = CreditCsv.Write(_directory.FullName, rows: 200);

        var (exit, output, error) = await CliProcess.RunAsync("new", "credit", "--from-csv", csv, "--label", "decision", "--positive", "approved", "--cdc", kind, "--pipelines", Pipelines);

        Assert.True(exit == 0, output + error);
        var detail = JsonNode.Parse(File.ReadAllText(Path.Combine(Pipelines, "credit", "sample", "event.json")))!["detail"]!;
        Assert.Equal("credit_applications", detail["table"]!.GetValue<string>());
        Assert.NotNull(detail[imageField]);
        Assert.Contains($"kind: {kind}", File.ReadAllText(Path.Combine(Pipelines, "credit", "pipeline.yaml")));
    }

    [Fact]
    public async Task An_existing_pipeline_folder_is_never_overwritten()
    {
        var csv = CreditCsv.Write(_directory.FullName, rows: 200);
        Directory.CreateDirectory(Path.Combine(Pipelines, "credit"));
        File.WriteAllText(Path.Combine(Pipelines, "credit", "pipeline.yaml"), "mine");

        var (exit, _, error) = await CliProcess.RunAsync("new", "credit", "--from-csv", csv, "--label", "decision", "--positive", "approved", "--pipelines", Pipelines);

        Assert.Equal(2, exit);
        Assert.Contains("already exists", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Pipelines, "credit", "pipeline.yaml")));
    }

    [Fact]
    public async Task A_missing_label_column_names_the_columns_there_are()
    {
        var csv = CreditCsv.Write(_directory.FullName, rows: 50);

        var (exit, _, error) = await CliProcess.RunAsync("new", "credit", "--from-csv", csv, "--label", "approval", "--pipelines", Pipelines);

        Assert.Equal(2, exit);
        Assert.Contains("no column 'approval'", error);
        Assert.Contains("decision", error);
        Assert.False(Directory.Exists(Path.Combine(Pipelines, "credit")));
    }
}
