namespace TrainingOrchestration.Pipelines.Tests.Loading;

/// <summary>Nothing a spec names reaches outside its pipeline folder, and names fit the services that receive them.</summary>
public sealed class ContainmentTests
{
    [Theory]
    [InlineData("sql: features.sql", "sql: ../../etc/passwd", "features.sql", "outside the pipeline folder")]
    [InlineData("sql: features.sql", "sql: /etc/passwd", "features.sql", "absolute path")]
    [InlineData("contract: contract.yaml", "contract: ../contract.yaml", "contract", "outside the pipeline folder")]
    [InlineData("data: sample/data.csv", "data: sample/../../x.csv", "sample.data", "outside the pipeline folder")]
    [InlineData("event: sample/event.json", "event: /tmp/event.json", "sample.event", "absolute path")]
    [InlineData("sql: features.sql", "sql: sample", "features.sql", "is a folder, not a file")]
    public void A_path_that_leaves_the_pipeline_folder_is_refused_naming_the_field(string find, string replace, string field, string problem)
    {
        using var folder = PipelineFolder.With(find, replace);

        var error = LoadFailure.Of(folder).On(field);

        Assert.Contains(problem, error.Problem);
        Assert.Equal(folder.SpecFile, error.File);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_the_folder_is_refused()
    {
        using var folder = PipelineFolder.Valid();
        var outside = Path.GetTempFileName();
        try
        {
            File.WriteAllText(outside, "SELECT customer_id, 1 AS churn FROM source");
            File.Delete(Path.Combine(folder.Path, "features.sql"));
            File.CreateSymbolicLink(Path.Combine(folder.Path, "features.sql"), outside);

            var error = LoadFailure.Of(folder).On("features.sql");

            Assert.Contains("symbolic link", error.Problem);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_symbolic_link_inside_the_folder_is_followed()
    {
        using var folder = PipelineFolder.Valid();
        File.Move(Path.Combine(folder.Path, "features.sql"), Path.Combine(folder.Path, "sample", "real.sql"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "features.sql"), Path.Combine(folder.Path, "sample", "real.sql"));

        Assert.Equal("demo", PipelineSpecLoader.Load(folder.Path).Name);
    }

    [Fact]
    public void Feature_sql_that_reads_a_file_is_refused_at_its_line_in_the_sql_file()
    {
        using var folder = PipelineFolder.Valid();
        var sql = Path.Combine(folder.Path, "features.sql");
        File.WriteAllText(sql, "SELECT customer_id, 1 AS churn\nFROM source, read_csv('/etc/passwd')");

        var error = LoadFailure.Of(folder).On("features.sql");

        Assert.Equal((sql, 2L, 14L), (error.File, error.Line, error.Column));
        Assert.Contains("read_csv()", error.Problem);
    }

    [Fact]
    public void Feature_sql_that_is_not_utf8_is_refused_with_the_position_of_the_bad_byte()
    {
        using var folder = PipelineFolder.Valid();
        File.WriteAllBytes(Path.Combine(folder.Path, "features.sql"), [.. "SELECT 'caf"u8, 0xE9, .. "' AS x FROM source"u8]);

        var error = LoadFailure.Of(folder).On("features.sql");

        Assert.Contains("not valid UTF-8", error.Problem);
        Assert.Equal((1L, 12L), (error.Line, error.Column));
    }

    [Fact]
    public void A_spec_that_is_not_utf8_is_refused_instead_of_read_with_replacement_characters()
    {
        using var folder = PipelineFolder.Valid();
        var bytes = File.ReadAllBytes(folder.SpecFile).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'\n') + 1, [(byte)'#', 0xFF, (byte)'\n']);
        File.WriteAllBytes(folder.SpecFile, [.. bytes]);

        var error = LoadFailure.Of(folder).On("(encoding)");

        Assert.Equal(2L, error.Line);
    }

    [Fact]
    public void Deeply_nested_yaml_is_refused_without_overflowing_the_stack()
    {
        using var folder = PipelineFolder.Valid();
        File.WriteAllText(folder.SpecFile, "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        var error = LoadFailure.Of(folder).On("(document)");

        Assert.Contains("levels deep", error.Problem);
    }

    [Fact]
    public void A_pipeline_name_too_long_for_a_training_job_name_is_refused()
    {
        const string name = "a-very-long-pipeline-name-of-39-charact";
        using var folder = PipelineFolder.Named(name, PipelineFolder.ValidYaml.Replace("name: demo", $"name: {name}", StringComparison.Ordinal));

        var error = LoadFailure.Of(folder).On("name");

        Assert.Contains("training job name", error.Problem);
        Assert.Contains("at most 36 characters", error.Problem);
    }

    [Fact]
    public void A_pipeline_name_starting_with_a_hyphen_is_refused()
    {
        using var folder = PipelineFolder.Named("-demo", PipelineFolder.ValidYaml.Replace("name: demo", "name: \"-demo\"", StringComparison.Ordinal));

        Assert.Contains("start with a letter or digit", LoadFailure.Of(folder).On("name").Problem);
    }

    [Theory]
    [InlineData("eventSource: training-orchestration.cdc", "eventSource: aws.dynamodb", "source.cdc.eventSource", "reserves")]
    [InlineData("eventSource: training-orchestration.cdc", "eventSource: \"my source!\"", "source.cdc.eventSource", "characters")]
    public void Event_fields_are_checked_against_what_PutEvents_accepts(string find, string replace, string field, string problem)
    {
        using var folder = PipelineFolder.With(find, replace);

        Assert.Contains(problem, LoadFailure.Of(folder).On(field).Problem);
    }

    [Fact]
    public void A_detail_type_longer_than_128_characters_is_refused()
    {
        using var folder = PipelineFolder.With("detailType: Table Change", "detailType: " + new string('x', 129));

        Assert.Contains("at most 128", LoadFailure.Of(folder).On("source.cdc.detailType").Problem);
    }
}
