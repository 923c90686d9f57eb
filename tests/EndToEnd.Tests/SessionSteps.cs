using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>The steps the scenarios share: send the sample through the stack, look at executions, records and files.</summary>
internal static class SessionSteps
{
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(4);

    /// <summary>Lands <paramref name="data"/> (the bundled sample by default) in raw/ and sends the CDC event; waits until all settles.</summary>
    public static async Task SendCdcEventAsync(this PipelineSession session, JsonObject evt, string? data = null)
    {
        session.StageRawData(data ?? session.Pipeline.SampleDataFile!);
        await session.PutEventAsync((JsonObject)evt.DeepClone());
        await session.WaitForIdleAsync(Settle);
    }

    public static IReadOnlyList<ExecutionDescription> ExecutionsOf(this PipelineSession session, string workflow) =>
        session.Cloud.Engine.ListExecutions(session.StateMachineArn(workflow));

    /// <summary>The names of the states an execution went through, in order.</summary>
    public static IReadOnlyList<string> PathOf(this PipelineSession session, ExecutionDescription execution) =>
        session.Cloud.Engine.GetExecutionHistory(execution.ExecutionArn)
            .Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            .Select(e => e.Details!["name"]!.GetValue<string>()).ToList();

    public static async Task<JsonObject> SingleRunAsync(this PipelineSession session) => Assert.Single(await session.ReadRunsAsync());

    /// <summary>Waits (real time) until the training workflow has stored its task token; returns the training job name.</summary>
    public static async Task<string> WaitForTaskTokenAsync(this PipelineSession session, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var scan = await session.Cloud.DynamoDb.ScanAsync(new ScanRequest { TableName = session.TableName });
            var token = (scan.Items ?? []).FirstOrDefault(i => i["pk"].S.StartsWith("TOKEN#", StringComparison.Ordinal));
            if (token is not null) return token["pk"].S["TOKEN#".Length..];
            await Task.Delay(20);
        }
        throw new TimeoutException("The training workflow never stored its task token.");
    }

    public static string Text(this JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>The sample with every other row's label replaced by a seeded coin flip: a weak but better-than-chance model.</summary>
    public static string ShuffleHalfTheLabels(string sample, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var lines = File.ReadAllLines(sample);
        var label = Array.IndexOf(lines[0].Split(','), "churn");
        var random = new Random(20261123);
        var rows = lines.Skip(1).Select((l, i) =>
        {
            var fields = l.Split(',');
            if (i % 2 == 0) fields[label] = random.Next(4) == 0 ? "Yes" : "No";
            return string.Join(',', fields);
        });
        File.WriteAllLines(target, [lines[0], .. rows]);
        return target;
    }
}
