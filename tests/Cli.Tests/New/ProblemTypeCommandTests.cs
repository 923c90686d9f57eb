using System.Text.Json.Nodes;

namespace TrainingOrchestration.Cli.Tests.New;

/// <summary><c>new</c> on a regression and a multi-class table: the folder passes <c>validate</c> and <c>run</c> reaches a decision.</summary>
public sealed class ProblemTypeCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("scaffold-types-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Pipelines => Path.Combine(_directory.FullName, "pipelines");

    [Fact]
    public async Task A_numeric_label_with_many_values_scaffolds_a_regression_that_validates_and_runs()
    {
        var csv = ProblemTypeCsv.Prices(_directory.FullName);

        var output = await NewValidateAndRun("prices", csv, "price");

        Assert.Contains("regression", output);
        var spec = File.ReadAllText(Path.Combine(Pipelines, "prices", "pipeline.yaml"));
        Assert.Contains("objective: reg:squarederror", spec);
        Assert.Contains("primaryMetric: rmse", spec);
        Assert.Contains("CAST(NULLIF(TRIM(CAST(price AS STRING)), '') AS DOUBLE) AS price", File.ReadAllText(Path.Combine(Pipelines, "prices", "features.sql")));
        Assert.Contains("- { name: price, type: decimal }", File.ReadAllText(Path.Combine(Pipelines, "prices", "contract.yaml")));
    }

    [Fact]
    public async Task A_text_label_with_three_classes_scaffolds_a_multiclass_model_that_validates_and_runs()
    {
        var csv = ProblemTypeCsv.Plans(_directory.FullName);

        var output = await NewValidateAndRun("plans", csv, "plan");

        Assert.Contains("'Basic' -> 0, 'Plus' -> 1, 'Premium' -> 2", output);
        var spec = File.ReadAllText(Path.Combine(Pipelines, "plans", "pipeline.yaml"));
        Assert.Contains("objective: multi:softprob", spec);
        Assert.Contains("num_class: 3", spec);
        Assert.Contains("primaryMetric: log_loss", spec);
        Assert.Contains("WHEN 'Premium' THEN 2", File.ReadAllText(Path.Combine(Pipelines, "plans", "features.sql")));
        Assert.Contains("- { check: allowed_values, column: plan, values: [0, 1, 2] }", File.ReadAllText(Path.Combine(Pipelines, "plans", "contract.yaml")));
    }

    [Fact]
    public async Task Problem_type_overrides_the_inferred_type_and_refuses_one_the_label_cannot_have()
    {
        var csv = ProblemTypeCsv.Plans(_directory.FullName, rows: 100, numericClasses: true);

        var (refused, _, error) = await CliProcess.RunAsync("new", "plans", "--from-csv", csv, "--label", "monthly_gb", "--problem-type", "multiclass", "--pipelines", Pipelines);
        var (created, output, createError) = await CliProcess.RunAsync("new", "plans", "--from-csv", csv, "--label", "plan", "--problem-type", "regression", "--pipelines", Pipelines);

        Assert.Equal(2, refused);
        Assert.Contains("--problem-type multiclass", error);
        Assert.True(created == 0, output + createError);
        Assert.Contains("objective: reg:squarederror", File.ReadAllText(Path.Combine(Pipelines, "plans", "pipeline.yaml")));
    }

    private async Task<string> NewValidateAndRun(string name, string csv, string label)
    {
        var (created, output, error) = await CliProcess.RunAsync("new", name, "--from-csv", csv, "--label", label, "--pipelines", Pipelines);
        Assert.True(created == 0, output + error);
        var (validated, validation, validationError) = await CliProcess.RunAsync("validate", name, "--pipelines", Pipelines);
        Assert.True(validated == 0, output + validation + validationError);
        var workspace = Path.Combine(_directory.FullName, "run-" + name);
        var (ran, run, runError) = await CliProcess.RunAsync("run", name, "--pipelines", Pipelines, "--workspace", workspace);
        Assert.True(ran == 0, run + runError);
        var outcome = Assert.Single(JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, "record.json")))!["runs"]!.AsArray())!;
        Assert.Equal("SUCCEEDED", outcome["status"]!.GetValue<string>());
        // The scaffold's first bar (R² ≥ 0, log loss ≤ ln K) is one a model of a learnable table meets.
        Assert.Equal("PROMOTED", outcome["decision"]?.GetValue<string>());
        return output;
    }
}
