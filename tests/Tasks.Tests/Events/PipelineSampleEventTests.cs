using TrainingOrchestration.Tasks.Events;
using TrainingOrchestration.Tasks.Json;
using TrainingOrchestration.Tasks.Tests.Support;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Tests.Events;

/// <summary>The sample CDC event bundled with each pipeline reads as a "Table Change" of that pipeline's table.</summary>
public sealed class PipelineSampleEventTests
{
    public static TheoryData<string> Pipelines()
    {
        var data = new TheoryData<string>();
        var root = Repository.Root;
        if (root is null || !Directory.Exists(Path.Combine(root, "pipelines"))) return data;
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(root, "pipelines")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "sample", "event.json"))) data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task A_pipelines_sample_event_is_a_table_change_of_its_source_table(string pipeline)
    {
        var folder = Path.Combine(Repository.Root, "pipelines", pipeline);
        await using var stream = File.OpenRead(Path.Combine(folder, "sample", "event.json"));

        var change = await TaskJson.ReadAsync(stream, TaskJsonContext.Default.CloudWatchEventTableChange);

        Assert.Equal(DetailTypes.TableChange, change.DetailType);
        Assert.NotNull(change.Time);
        Assert.NotEqual("UNKNOWN", change.Detail!.Operation);
        var yaml = await File.ReadAllTextAsync(Path.Combine(folder, "pipeline.yaml"));
        Assert.Contains($"table: {change.Detail.Table}", yaml);
    }
}
