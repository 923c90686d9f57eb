using TrainingOrchestration.Asl.Conformance;
using Xunit.Abstractions;

namespace TrainingOrchestration.Asl.Tests.Conformance;

public sealed class ConformanceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Every_deterministic_JSONPath_recording_from_AWS_is_reproduced()
    {
        var folder = SharedFolder.Find("conformance", "asl");
        Skip.If(folder is null, "../shared/conformance/asl is absent: the AWS-recorded corpus is needed for this test.");
        var cases = Directory.GetFiles(folder!, "*.jsonl").OrderBy(f => f).SelectMany(ConformanceRunner.Load).ToList();

        var results = await ConformanceRunner.RunAllAsync(cases);

        output.WriteLine(ConformanceReport.Render(results));
        var required = results.Where(r => r.Required).ToList();
        Assert.NotEmpty(required);
        Assert.Empty(required.Where(r => !r.Passed).Select(r => $"{r.Case.Id}: {r.Reason}"));
    }

    [SkippableFact]
    public async Task Nondeterministic_JSONPath_recordings_end_with_the_recorded_status()
    {
        var folder = SharedFolder.Find("conformance", "asl");
        Skip.If(folder is null, "../shared/conformance/asl is absent: the AWS-recorded corpus is needed for this test.");
        var cases = Directory.GetFiles(folder!, "*.jsonl").SelectMany(ConformanceRunner.Load)
            .Where(c => c.QueryLanguage == "jsonpath" && c.Nondeterministic).ToList();

        var results = await ConformanceRunner.RunAllAsync(cases);

        Assert.Empty(results.Where(r => !r.Passed).Select(r => $"{r.Case.Id}: {r.Reason} (actual {r.ActualJson})"));
    }
}
