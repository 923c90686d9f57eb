using System.Diagnostics;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Faults;
using TrainingOrchestration.LocalRuntime.Ingress;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>
/// <c>simulate</c>: deploys the pipeline's stack in an empty workspace and drives the virtual clock hour by hour through
/// <see cref="SimulationRequest.Days"/> days. Each hour's CDC traffic (<see cref="TrafficProfile"/>) lands through the
/// real ingress in batches spread over the hour, each batch's event goes to the bus at its time and the flow it starts
/// (trigger, training, callback) settles before time moves on; the schedule rules fire on the hour; AWS/States metrics
/// are published and the alarms evaluated as CloudWatch would. The incidents of <see cref="SimulationClock"/> are injected
/// on the way: the contract violation and its repair as changes, the training failure through <see cref="ServiceFaults"/>.
/// At the end the records are exported (<c>record.json</c>, executions) so <c>runs</c>, <c>dashboard</c> and <c>alarms</c>
/// read the workspace like any other.
/// </summary>
public static class PipelineSimulation
{
    /// <summary>
    /// SageMaker's answer when the account has no capacity for the instance type, for the workflow's first call and its
    /// six retries (WORKFLOW.md: MaxAttempts 6), so the run fails at <c>StartTrainingJob</c>.
    /// </summary>
    public static ServiceFault TrainingCapacityFault(string instanceType) => new("sagemaker:createTrainingJob", "ResourceLimitExceeded",
        $"The account-level service limit '{instanceType} for training job usage' is 0 Instances, with current utilization of 0 Instances and a request delta of 1 Instances. Please use AWS Service Quotas to request an increase for this quota.",
        400, Times: 7);

    public static async Task<SimulationSummary> RunAsync(SimulationRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Days, 1, nameof(request));
        var workspace = Path.GetFullPath(request.Workspace);
        if (Directory.Exists(workspace) && Directory.EnumerateFileSystemEntries(workspace).Any())
            throw new InvalidOperationException($"Workspace {workspace} is not empty; simulate starts from an empty account. Give a new folder.");
        var spec = request.Pipeline;
        var sample = spec.SampleDataFile ?? throw new ArgumentException($"Pipeline {spec.Name} bundles no sample data (sample.data) to start the table from.");
        var incidents = DataIncidents.For(spec);
        var stopwatch = Stopwatch.StartNew();

        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            TemplatePaths = [request.TemplatePath], Workspace = workspace, StartTime = request.Start, PipelinesRoot = request.PipelinesRoot,
        }, cancellationToken);
        var session = new PipelineSession(cloud, spec);
        session.StageRawData(sample);
        var table = new SourceTable(spec, sample);
        var generator = new ChangeGenerator(table, incidents, new ChangeRecordWriter(spec, cloud.Options.Region, cloud.Options.AccountId), request.Seed);
        var traffic = new TrafficProfile(spec, request.Seed);
        var replay = new ChangeReplay(session);
        var clock = new SimulationClock(request.Start, request.Days);
        var changesFolder = Directory.CreateDirectory(Path.Combine(workspace, "simulation", "changes")).FullName;
        var batchSize = spec.Source.Cdc.BatchSize;
        Task Settle() => session.WaitForIdleAsync(request.SettleTimeout, cancellationToken: cancellationToken);

        for (var hour = clock.Start; hour < clock.End; hour = hour.AddHours(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var runs = await session.ReadRunsAsync(cancellationToken);
            var changes = generator.Changes(traffic.ChangesIn(hour), hour, clock.ElapsedDays(hour));
            if (clock.ViolationDue(hour, runs.Any(r => Text(r["status"]) == "SUCCEEDED")))
            {
                changes.AddRange(generator.Violate(hour));
                clock.Violated(hour);
                progress?.Report($"{hour:yyyy-MM-dd HH:mm} contract violation: {DataIncidents.ViolatingRows} rows get {incidents.ViolatedColumn} = {incidents.ViolatingValue()} (rule {incidents.ViolatedRule.Id})");
            }
            else if (clock.ViolatedAt is { } violatedAt && clock.RepairDue(runs.Any(r => StartedAfter(r, violatedAt) && Text(r["status"]) is "SUCCEEDED" or "FAILED")))
            {
                changes.AddRange(generator.Repair(hour));
                clock.Repaired(hour);
                progress?.Report($"{hour:yyyy-MM-dd HH:mm} violation repaired upstream");
            }
            else if (clock.FaultDue(hour))
            {
                cloud.Faults.Inject(TrainingCapacityFault(spec.Training.InstanceType));
                clock.FaultArmed(hour);
                progress?.Report($"{hour:yyyy-MM-dd HH:mm} SageMaker capacity for {spec.Training.InstanceType} exhausted: the next training job cannot start");
            }

            var batches = changes.Chunk(batchSize).ToList();
            for (var i = 0; i < batches.Count; i++)
            {
                var at = hour + TimeSpan.FromMinutes(60.0 * (i + 1) / (batches.Count + 1));
                if (at > cloud.Clock.UtcNow) cloud.Clock.Advance(at - cloud.Clock.UtcNow);
                var file = Path.Combine(changesFolder, $"{at:yyyyMMddTHHmmss}-{i:D3}.jsonl");
                await File.WriteAllLinesAsync(file, batches[i].Select(r => r.ToJsonString()), cancellationToken);
                await replay.DeliverAsync(replay.Land(file));
                await Settle();
            }
            await cloud.Schedules.FireUntilAsync(hour.AddHours(1), Settle);
            cloud.PublishServiceMetrics();
            cloud.Alarms.EvaluateUntil(cloud.Clock.UtcNow);
            if (hour.Hour == 23) progress?.Report($"{hour:yyyy-MM-dd} done: {(await session.ReadRunsAsync(cancellationToken)).Count} runs so far");
        }

        var items = await session.ReadItemsAsync(cancellationToken);
        foreach (var run in items.Where(IsRun).Where(r => RunCostRecorder.ReachedEvaluation(r, items))) run["cost"] = RunCostRecorder.Estimate(cloud, run);
        var executions = session.Executions()
            .Select(e => ExecutionSummary.From(e.StateMachine, e.Execution, cloud.Engine.GetExecutionHistory(e.Execution.ExecutionArn)))
            .OrderBy(e => e.Start).ToList();
        RunRecord.Write(workspace, RunRecord.Build(spec.Name, workspace, items, executions, cloud.Bus.Events, cloud.Sns.Messages, stopwatch.Elapsed));
        ExecutionStore.Save(session, workspace);
        return SimulationSummary.Build(request, workspace, items, cloud, clock, incidents, stopwatch.Elapsed);
    }

    private static bool IsRun(JsonObject item) => Text(item[TableKeys.SortKey]).StartsWith(TableKeys.RunPrefix, StringComparison.Ordinal);

    private static bool StartedAfter(JsonObject run, DateTimeOffset at) =>
        DateTimeOffset.TryParse(Text(run["startedAt"]), out var started) && started >= at;

    internal static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
