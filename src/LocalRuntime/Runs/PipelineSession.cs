using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Events;
using TrainingOrchestration.LocalRuntime.Templates;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// One pipeline's stack deployed in a <see cref="LocalCloud"/>, driven as a user drives it on AWS: raw files land in the
/// bucket, CDC events go to the bus, and the run records are read back from the table. Used by <c>run</c> and the tests.
/// </summary>
public sealed class PipelineSession(LocalCloud cloud, PipelineSpec pipeline)
{
    public LocalCloud Cloud { get; } = cloud;
    public PipelineSpec Pipeline { get; } = pipeline;

    public LoadedStack Stack => Cloud.Stacks.FirstOrDefault(s => s.Environment.StackName == ResourceNames.Stack(Pipeline.Name))
        ?? Cloud.Stacks.Single();

    /// <summary>The pipeline's bucket (the one its functions get as BUCKET_NAME, else the stack's only bucket).</summary>
    public string BucketName => EnvironmentValue(LambdaEnvironmentVariables.BucketName) ?? Stack.OfType("AWS::S3::Bucket").Single().Name;

    /// <summary>The pipeline's table (TABLE_NAME of its functions, else the stack's only table).</summary>
    public string TableName => EnvironmentValue(LambdaEnvironmentVariables.TableName) ?? Stack.OfType("AWS::DynamoDB::Table").Single().Name;

    public string StateMachineArn(string suffix) => Cloud.StateMachineArn($"{Pipeline.Name}-{suffix}");

    /// <summary>
    /// Puts a raw CSV of the source table under <c>raw/&lt;table&gt;/</c>. An identical file already there is left alone (a
    /// bookmarked job then ingests nothing new); different content lands as a new file, which wins over older ones.
    /// </summary>
    public string StageRawData(string csvFile)
    {
        var prefix = BucketLayout.RawTable(Pipeline.Source.Table);
        var name = Path.GetFileName(csvFile);
        var existing = Cloud.Buckets.List(BucketName, prefix).ToList();
        if (existing.Any(o => SameContent(o.Path, csvFile))) return existing.First(o => SameContent(o.Path, csvFile)).Key;
        var key = existing.Any(o => o.Key == prefix + name)
            ? $"{prefix}{Path.GetFileNameWithoutExtension(name)}-{Cloud.Clock.UtcNow:yyyyMMddTHHmmss}{Path.GetExtension(name)}"
            : prefix + name;
        var target = Cloud.Buckets.PathFor(BucketName, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(csvFile, target, overwrite: true);
        return key;
    }

    /// <summary>
    /// Starts a new workspace's trigger counter at <paramref name="generation"/> (the trigger workflow keeps an existing
    /// generation: <c>if_not_exists</c>); a workspace that already has a counter is left as it is.
    /// </summary>
    public async Task SeedTriggerGenerationAsync(long generation, CancellationToken cancellationToken = default)
    {
        try
        {
            await Cloud.DynamoDb.PutItemAsync(new Amazon.DynamoDBv2.Model.PutItemRequest
            {
                TableName = TableName,
                Item = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>
                {
                    [TableKeys.PartitionKey] = new() { S = TableKeys.Pipeline(Pipeline.Name) },
                    [TableKeys.SortKey] = new() { S = TableKeys.TriggerSortKey },
                    ["generation"] = new() { N = generation.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = TableKeys.PartitionKey },
            }, cancellationToken);
        }
        catch (Amazon.DynamoDBv2.Model.ConditionalCheckFailedException)
        {
            // A reused workspace: its counter (and so its run ids) carries on.
        }
    }

    /// <summary>Puts the event on the bus at its own time: the virtual clock is moved forward to it first.</summary>
    public Task<RecordedEvent> PutEventAsync(JsonObject evt)
    {
        if (evt["time"]?.GetValue<string>() is { } time && DateTimeOffset.TryParse(time, out var at) && at > Cloud.Clock.UtcNow)
        {
            Cloud.Clock.Advance(at - Cloud.Clock.UtcNow);
        }
        return Cloud.PutEventAsync(evt);
    }

    /// <summary>Every execution of every deployed state machine.</summary>
    public IEnumerable<(string StateMachine, ExecutionDescription Execution)> Executions() =>
        Cloud.StateMachines.SelectMany(m => Cloud.Engine.ListExecutions(m.Value).Select(e => (m.Key, e)));

    /// <summary>
    /// Waits (in real time, at most <paramref name="timeout"/>) until no execution is running, reporting each state as it
    /// is entered and left (<see cref="Timeout.InfiniteTimeSpan"/>: no limit). Training jobs keep their execution
    /// running, so idle means the whole flow has settled.
    /// </summary>
    public async Task WaitForIdleAsync(TimeSpan timeout, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var seen = new Dictionary<string, int>();
        var deadline = timeout == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + timeout;
        var quietPolls = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var executions = Executions().ToList();
            if (progress is not null) Report(executions, seen, progress);
            quietPolls = executions.Any(e => e.Execution.Status == ExecutionStatus.Running) ? 0 : quietPolls + 1;
            if (quietPolls >= 3) return;
            if (DateTimeOffset.UtcNow > deadline)
            {
                var running = string.Join(", ", executions.Where(e => e.Execution.Status == ExecutionStatus.Running).Select(e => e.Execution.Name));
                throw new TimeoutException($"The run did not settle within {timeout.TotalSeconds:0} s; still running: {running}.");
            }
            await Task.Delay(15, cancellationToken);
        }
    }

    private void Report(List<(string StateMachine, ExecutionDescription Execution)> executions, Dictionary<string, int> seen, IProgress<RunProgress> progress)
    {
        foreach (var (machine, execution) in executions)
        {
            var history = Cloud.Engine.GetExecutionHistory(execution.ExecutionArn);
            var from = seen.GetValueOrDefault(execution.ExecutionArn);
            for (var i = from; i < history.Count; i++)
            {
                var evt = history[i];
                var name = evt.Details?["name"]?.GetValue<string>();
                string? kind = evt.Type switch
                {
                    "ExecutionStarted" => "ExecutionStarted",
                    "ExecutionSucceeded" => "ExecutionSucceeded",
                    "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted" => evt.Type,
                    _ when evt.Type.EndsWith("StateEntered", StringComparison.Ordinal) => "Entered",
                    _ when evt.Type.EndsWith("StateExited", StringComparison.Ordinal) => "Exited",
                    "TaskFailed" or "TaskTimedOut" or "LambdaFunctionFailed" => "TaskFailed",
                    _ => null,
                };
                if (kind is null) continue;
                var detail = evt.Details?["error"]?.GetValue<string>();
                progress.Report(new RunProgress(machine, execution.Name, kind, name, evt.Timestamp, detail));
            }
            seen[execution.ExecutionArn] = history.Count;
        }
    }

    /// <summary>
    /// The pipeline's items in the table (runs, decisions, champion, validations, profiles, models...), as plain JSON: each
    /// of its partitions (<see cref="TableKeys.Partitions"/>) in key order. Sort keys do not repeat across them.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ReadItemsAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<JsonObject>();
        foreach (var partition in TableKeys.Partitions(Pipeline.Name))
        {
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await Cloud.DynamoDb.QueryAsync(new QueryRequest
                {
                    TableName = TableName,
                    KeyConditionExpression = $"{TableKeys.PartitionKey} = :pk",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = partition } },
                    ExclusiveStartKey = start,
                }, cancellationToken);
                items.AddRange((page.Items ?? []).Select(PlainJson.FromItem));
                start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
            } while (start is not null);
        }
        return items;
    }

    /// <summary>The run items (<c>RUN#&lt;runId&gt;</c>), oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> ReadRunsAsync(CancellationToken cancellationToken = default) =>
        (await ReadItemsAsync(cancellationToken)).Where(i => i[TableKeys.SortKey]?.GetValue<string>().StartsWith(TableKeys.RunPrefix, StringComparison.Ordinal) == true).ToList();

    public async Task<JsonObject?> ReadItemAsync(string sk, CancellationToken cancellationToken = default) =>
        (await ReadItemsAsync(cancellationToken)).FirstOrDefault(i => i[TableKeys.SortKey]?.GetValue<string>() == sk);

    private string? EnvironmentValue(string name) => Cloud.Lambda.Functions
        .Where(f => f.Environment.TryGetValue(LambdaEnvironmentVariables.PipelineName, out var p) && p == Pipeline.Name)
        .Select(f => f.Environment.GetValueOrDefault(name)).FirstOrDefault(v => v is not null);

    private static bool SameContent(string a, string b)
    {
        var (fa, fb) = (new FileInfo(a), new FileInfo(b));
        if (fa.Length != fb.Length) return false;
        using var sa = fa.OpenRead();
        using var sb = fb.OpenRead();
        var (ba, bb) = (new byte[81920], new byte[81920]);
        while (true)
        {
            var na = sa.ReadAtLeast(ba, ba.Length, throwOnEndOfStream: false);
            var nb = sb.ReadAtLeast(bb, bb.Length, throwOnEndOfStream: false);
            if (na != nb || !ba.AsSpan(0, na).SequenceEqual(bb.AsSpan(0, nb))) return false;
            if (na == 0) return true;
        }
    }
}
