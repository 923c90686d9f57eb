namespace TrainingOrchestration.Cli.Tests.Validate;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly DirectoryInfo _pipelines = Directory.CreateTempSubdirectory("validate-");

    public ValidateCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CliProcess.RepositoryRoot, "pipelines"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_pipelines.FullName, Path.GetRelativePath(Path.Combine(CliProcess.RepositoryRoot, "pipelines"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _pipelines.Delete(recursive: true);

    private string Churn(string file) => Path.Combine(_pipelines.FullName, "churn", file);

    [Fact]
    public async Task The_bundled_pipeline_passes_every_check()
    {
        var (exit, output, error) = await CliProcess.RunAsync("validate", "churn", "--pipelines", _pipelines.FullName);

        Assert.True(exit == 0, output + error);
        Assert.Contains("matches the change rule for table 'customers'", output);
    }

    [Fact]
    public async Task A_num_class_that_differs_from_the_contracts_label_classes_is_refused_at_num_class()
    {
        var spec = Path.Combine(_pipelines.FullName, "contract-type", "pipeline.yaml");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("num_class: 3 ", "num_class: 4 "));

        var (exit, _, error) = await CliProcess.RunAsync("validate", "contract-type", "--pipelines", _pipelines.FullName);

        Assert.Equal(1, exit);
        var message = Assert.Single(error.Split('\n'), l => l.Contains("training.hyperparameters.num_class"));
        Assert.StartsWith(spec + ":", message);
        Assert.Contains("num_class is 4 but", message);
        Assert.Contains("allows the label 'contract' the values [0, 1, 2]", message);
    }

    [Fact]
    public async Task An_event_copied_from_another_pipeline_is_refused_by_validate_and_run_with_the_same_message()
    {
        File.Copy(Path.Combine(_pipelines.FullName, "mlc-churn", "sample", "event.json"), Churn("sample/event.json"), overwrite: true);

        var (validated, _, validateError) = await CliProcess.RunAsync("validate", "churn", "--pipelines", _pipelines.FullName);
        var (ran, _, runError) = await CliProcess.RunAsync("run", "churn", "--pipelines", _pipelines.FullName, "--workspace", Path.Combine(_pipelines.FullName, "ws"));

        Assert.Equal(1, validated);
        var message = Assert.Single(validateError.Split('\n'), l => l.Contains("detail.table"));
        Assert.Contains("event table 'subscribers' does not match this pipeline's table 'customers'", message);
        Assert.StartsWith(Churn("sample/event.json") + ":", message);
        Assert.Equal(1, ran);
        Assert.Contains(message.Trim(), runError);
    }

    [Fact]
    public async Task A_label_the_sql_does_not_map_to_0_or_1_is_reported_at_the_label_field_with_counts()
    {
        File.WriteAllText(Churn("features.sql"), File.ReadAllText(Churn("features.sql"))
            .Replace("IN ('no', 'false') THEN 0 END AS churn", "IN ('no', 'false') THEN 5 END AS churn"));

        var (exit, _, error) = await CliProcess.RunAsync("validate", "churn", "--pipelines", _pipelines.FullName);

        Assert.Equal(1, exit);
        Assert.Contains("features.label: over the sample, features.sql outputs label 'churn' values that binary:logistic cannot train on ('5' in 5174 rows)", error);
        Assert.Contains(Churn("pipeline.yaml") + ":", error);
    }

    [Fact]
    public async Task A_label_value_outside_the_declared_classes_fails_with_example_rows_never_as_a_silent_0()
    {
        var sample = Churn("sample/customers.csv");
        File.WriteAllText(sample, File.ReadAllText(sample).Replace("C000002,No,", "C000002,Maybe,"));

        var (exit, _, error) = await CliProcess.RunAsync("validate", "churn", "--pipelines", _pipelines.FullName);

        Assert.Equal(1, exit);
        Assert.Contains("features.label: over the sample, features.sql outputs label 'churn' values that binary:logistic cannot train on (NULL in 1 rows)", error);
        Assert.Contains("for example customer_id 'C000002' (source churn 'Maybe')", error);
    }

    [Fact]
    public async Task A_feature_sql_that_turns_an_unknown_label_value_into_a_class_is_refused()
    {
        File.WriteAllText(Churn("features.sql"), File.ReadAllText(Churn("features.sql"))
            .Replace("WHEN LOWER(CAST(churn AS STRING)) IN ('no', 'false') THEN 0 END AS churn", "ELSE 0 END AS churn"));

        var (exit, _, error) = await CliProcess.RunAsync("validate", "churn", "--pipelines", _pipelines.FullName);

        Assert.Equal(1, exit);
        Assert.Contains("features.label: features.sql gives a label value it was never told about", error);
        Assert.Contains("would train silently as 0", error);
        Assert.Contains(Churn("pipeline.yaml") + ":", error);
    }

    [Fact]
    public async Task A_label_the_sql_does_not_output_is_named_with_the_columns_it_does()
    {
        File.WriteAllText(Churn("pipeline.yaml"), File.ReadAllText(Churn("pipeline.yaml")).Replace("label: churn", "label: churned"));

        var (exit, _, error) = await CliProcess.RunAsync("validate", "churn", "--pipelines", _pipelines.FullName);

        Assert.Equal(1, exit);
        Assert.Contains("features.label: features.sql does not output a column 'churned'", error);
    }

    [Fact]
    public async Task Sql_duckdb_cannot_run_is_located_in_features_sql()
    {
        File.WriteAllText(Churn("features.sql"), "SELECT\n  customer_id,\n  churn +* 1 AS churn\nFROM source");

        var (exit, _, error) = await CliProcess.RunAsync("validate", "churn", "--pipelines", _pipelines.FullName);

        Assert.Equal(1, exit);
        Assert.Contains(Churn("features.sql") + ":", error);
        Assert.Contains("DuckDB cannot run the feature SQL", error);
        Assert.DoesNotContain("   at ", error);
    }
}
