using TrainingOrchestration.Asl.Conformance;

namespace TrainingOrchestration.Asl.Tests.Conformance;

public sealed class ConformanceRunnerTests : IDisposable
{
    private const string PassLine = """{"id":"ok-1","queryLanguage":"jsonpath","features":["Pass"],"definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"input":{"a":1},"expected":{"status":"SUCCEEDED","output":{"a":1}}}""";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"asl-corpus-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_file);

    private async Task<IReadOnlyList<ConformanceResult>> RunCorpusAsync(params string[] lines)
    {
        await File.WriteAllLinesAsync(_file, lines);
        return await ConformanceRunner.RunAllAsync(ConformanceRunner.Load(_file));
    }

    [Fact]
    public async Task A_line_that_is_not_json_fails_with_its_file_and_line_and_the_run_goes_on()
    {
        var results = await RunCorpusAsync(PassLine, "{\"id\": \"broken\", ", PassLine.Replace("ok-1", "ok-2"));

        Assert.Equal(3, results.Count);
        Assert.True(results[0].Passed);
        Assert.False(results[1].Passed);
        Assert.Contains($"{_file}:2", results[1].Reason);
        Assert.Contains("not valid JSON", results[1].Reason);
        Assert.True(results[2].Passed);
        Assert.EndsWith("2 passed, 1 failed", ConformanceReport.Render(results));
    }

    [Fact]
    public async Task A_line_without_its_expected_result_fails_saying_which_field_is_missing()
    {
        var results = await RunCorpusAsync(PassLine.Replace("\"expected\"", "\"expectation\""), PassLine);

        Assert.False(results[0].Passed);
        Assert.Contains("'expected' must be an object", results[0].Reason);
        Assert.True(results[1].Passed);
    }

    [Fact]
    public async Task A_malformed_MockConfigFile_fails_its_case_with_the_mock_error_and_the_run_goes_on()
    {
        var mocked = PassLine.Replace("\"expected\"", "\"mocks\":{\"testCase\":\"T\",\"mockConfig\":\"{not json\"},\"expected\"");

        var results = await RunCorpusAsync(mocked, PassLine);

        Assert.False(results[0].Passed);
        Assert.Contains("invalid mocks: MockConfigFile is not valid JSON", results[0].Reason);
        Assert.True(results[1].Passed);
    }

    [Fact]
    public async Task A_definition_AWS_would_reject_fails_its_case_with_the_rejection_reason()
    {
        var rejected = PassLine.Replace("\"StartAt\":\"P\"", "\"StartAt\":\"Nowhere\"");

        var results = await RunCorpusAsync(rejected, PassLine);

        Assert.False(results[0].Passed);
        Assert.Contains("rejected:", results[0].Reason);
        Assert.Contains("Nowhere", results[0].Reason);
        Assert.True(results[1].Passed);
    }

    [Fact]
    public async Task A_missing_corpus_file_is_a_failed_case_not_a_crash()
    {
        var results = await ConformanceRunner.RunAllAsync(ConformanceRunner.Load(_file + ".absent"));

        var only = Assert.Single(results);
        Assert.False(only.Passed);
        Assert.Contains("does not exist", only.Reason);
    }
}
