using System.Globalization;

namespace TrainingOrchestration.EndToEnd.Tests;

[Collection(ChurnStackCollection.Name)]
public sealed class ValidationFailureTests(ChurnStackFixture stack)
{
    [Fact]
    public async Task Corrupted_features_fail_validation_and_the_run_records_the_failed_rule_without_training()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        var corrupted = CorruptTenure(stack.Spec.SampleDataFile!, Path.Combine(cloud.Options.Workspace, "corrupted", "customers.csv"));

        await session.SendCdcEventAsync(stack.SampleEvent, corrupted);

        var run = await session.SingleRunAsync();
        Assert.Equal("FAILED", run["status"].Text());
        Assert.Equal("FAILED", run["decision"].Text());
        Assert.Equal("ValidationFailed", run["error"].Text());
        Assert.Contains("tenure_months", run["cause"].Text());
        var validation = await session.ReadItemAsync($"VALIDATION#{run["runId"].Text()}");
        Assert.False(validation!["passed"]!.GetValue<bool>());
        Assert.DoesNotContain(cloud.Bus.Events, e => e.DetailType == "SageMaker Training Job State Change");
        Assert.Contains(cloud.Bus.Events, e => e.DetailType == "Training Run Failed");
        Assert.Null((await session.ReadItemAsync("LOCK"))?["holder"]);
    }

    /// <summary>Every 10th customer gets a tenure of 500 months, beyond the contract's 0-72 range.</summary>
    internal static string CorruptTenure(string sample, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var lines = File.ReadAllLines(sample);
        var tenure = Array.IndexOf(lines[0].Split(','), "tenure");
        for (var i = 1; i < lines.Length; i += 10)
        {
            var cells = lines[i].Split(',');
            cells[tenure] = 500.ToString(CultureInfo.InvariantCulture);
            lines[i] = string.Join(',', cells);
        }
        File.WriteAllLines(target, lines);
        return target;
    }
}
