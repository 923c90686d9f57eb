using System.Diagnostics;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Ingress;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// The README's main command, end to end: deploy the pipeline's template locally in the workspace, land the raw data
/// in <c>raw/&lt;table&gt;/</c>, replay the change file through the ingress (or put one CDC event on the bus at its own
/// time), follow trigger → training → callback until everything settles, then export the records to <c>record.json</c>.
/// </summary>
public static class LocalRun
{
    public static async Task<LocalRunOutcome> ExecuteAsync(LocalRunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var inUse = WorkspaceLock.Acquire(request.Workspace);
        var stopwatch = Stopwatch.StartNew();
        var ranAt = DateTimeOffset.Now;
        var changesFile = request.ChangesFile ?? (request.EventFile is null ? request.Pipeline.SampleChangesFile : null);
        var eventFile = changesFile is not null ? null : request.EventFile ?? request.Pipeline.SampleEventFile
            ?? throw new ArgumentException($"Pipeline {request.Pipeline.Name} bundles no sample event or change file; pass --event FILE or --changes FILE.");
        var dataFile = request.DataFile ?? request.Pipeline.SampleDataFile
            ?? throw new ArgumentException($"Pipeline {request.Pipeline.Name} bundles no sample data; pass --data FILE.");
        if (changesFile is not null && !File.Exists(changesFile)) throw new FileNotFoundException($"Change file {changesFile} does not exist.", changesFile);
        if (!File.Exists(dataFile)) throw new FileNotFoundException($"Data file {dataFile} does not exist.", dataFile);
        var evt = eventFile is null ? null : EventFile.Read(eventFile);
        var eventTime = evt?["time"]?.GetValue<string>() is { } t && DateTimeOffset.TryParse(t, out var parsed) ? parsed
            : changesFile is not null ? ChangeFileReader.LatestChangeTime(changesFile, request.Pipeline.Source.Cdc.Kind) ?? DateTimeOffset.UtcNow
            : DateTimeOffset.UtcNow;

        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            TemplatePaths = [request.TemplatePath],
            Workspace = request.Workspace,
            StartTime = eventTime,
            PipelinesRoot = request.PipelinesRoot,
        }, cancellationToken);
        cloud.Mocks.Use(request.MockConfig, request.TestCase);
        var session = new PipelineSession(cloud, request.Pipeline);
        await session.SeedTriggerGenerationAsync(WorkspaceGeneration(), cancellationToken);
        var runsBefore = (await session.ReadRunsAsync(cancellationToken)).Select(r => r[TableKeys.SortKey]!.GetValue<string>()).ToHashSet();
        var decisionsBefore = (await session.ReadItemsAsync(cancellationToken)).Where(IsDecision)
            .ToDictionary(i => i[TableKeys.SortKey]!.GetValue<string>(), i => i.ToJsonString());

        // An event no rule of the stack matches starts nothing: it is refused before raw/ is touched, each rule saying why.
        var unmatched = evt is null ? [] : RuleMismatch.Unmatched(cloud.Bus, evt);
        var batches = unmatched.Count == 0 ? await SendAsync(session, dataFile, changesFile, evt) : [];
        var interrupted = await FollowAsync(session, request.Timeout, progress, cancellationToken);
        // Once interrupted, what follows still records the run: it no longer listens to the cancelled token.
        if (interrupted) cancellationToken = CancellationToken.None;
        cloud.PublishServiceMetrics();
        cloud.Alarms.EvaluateUntil(cloud.Clock.UtcNow);

        var items = await session.ReadItemsAsync(cancellationToken);
        var executions = session.Executions()
            .Select(e => ExecutionSummary.From(e.StateMachine, e.Execution, cloud.Engine.GetExecutionHistory(e.Execution.ExecutionArn)))
            .OrderBy(e => e.Start).ToList();
        var run = items.Where(i => i[TableKeys.SortKey]?.GetValue<string>() is { } sk && sk.StartsWith(TableKeys.RunPrefix, StringComparison.Ordinal) && !runsBefore.Contains(sk)).LastOrDefault();
        // Each trigger execution writes its own DECISION# item; "new" means not there (or different) before this event.
        var decision = items.Where(IsDecision)
            .LastOrDefault(i => !decisionsBefore.TryGetValue(i[TableKeys.SortKey]!.GetValue<string>(), out var before) || before != i.ToJsonString());
        if (run is not null && RunCostRecorder.ReachedEvaluation(run, items)) run["cost"] = RunCostRecorder.Estimate(cloud, run);
        CarryCostsForward(request.Workspace, items);
        var explanation = RunExplanation.Build(session, run);
        var record = RunRecord.Build(request.Pipeline.Name, request.Workspace, items, executions, cloud.Bus.Events, cloud.Sns.Messages, stopwatch.Elapsed, explanation);
        RunRecord.Write(request.Workspace, record);
        ExecutionStore.Save(session, request.Workspace);
        var report = await RunReportComposer.WriteAsync(session, run, stopwatch.Elapsed, Path.GetFullPath(request.Workspace), cancellationToken, explanation, ranAt);
        var runId = run?["runId"]?.GetValue<string>();
        var features = runId is null ? null : RunFeatures.Find(Path.GetFullPath(request.Workspace), request.Pipeline.Name, runId);
        return new LocalRunOutcome(Path.GetFullPath(request.Workspace), record, run, decision, executions, stopwatch.Elapsed)
        {
            Report = report, Features = features, Batches = batches, UnmatchedRules = unmatched, EventFile = eventFile, Interrupted = interrupted,
        };
    }

    /// <summary>How long an interrupted run may take to record its end (the run-status workflow) before it is exported as it is.</summary>
    public static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Follows the executions until they settle; true when <paramref name="cancellationToken"/> (Ctrl+C, SIGTERM) interrupted
    /// them. An interrupted run's training executions are stopped as <c>StopExecution</c> stops them on AWS (ABORTED), so
    /// the run-status workflow records the run as FAILED from the status-change event and holds the lock for a redrive.
    /// </summary>
    private static async Task<bool> FollowAsync(PipelineSession session, TimeSpan timeout, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await session.WaitForIdleAsync(timeout, progress, cancellationToken);
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var training = session.Cloud.StateMachineArn(ResourceNames.TrainingStateMachine(session.Pipeline.Name));
            foreach (var (_, execution) in session.Executions().Where(e => e.Execution.Status == Asl.ExecutionStatus.Running && e.Execution.StateMachineArn == training))
            {
                session.Cloud.Engine.StopExecution(execution.ExecutionArn, InterruptedError, "The local run was interrupted (Ctrl+C or SIGTERM) before the execution ended.");
            }
            try
            {
                await session.WaitForIdleAsync(InterruptGrace, progress, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // Exported as it is: what still runs is shown RUNNING in the record and reconciled by the next run.
            }
            return true;
        }
    }

    /// <summary>The error an interrupted run's stopped executions carry.</summary>
    public const string InterruptedError = "Interrupted";

    /// <summary>
    /// The trigger counter's first generation in a new workspace: unique per workspace (milliseconds of the wall clock),
    /// so each fresh local run gets its own run id and execution name, while a reused workspace keeps counting on.
    /// </summary>
    private static long WorkspaceGeneration() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1_700_000_000_000L;

    /// <summary>Lands the data, then replays the change file through the ingress or puts the one event; returns the batches landed.</summary>
    private static async Task<IReadOnlyList<LandedBatch>> SendAsync(PipelineSession session, string dataFile, string? changesFile, JsonObject? evt)
    {
        session.StageRawData(dataFile);
        if (changesFile is null)
        {
            await session.PutEventAsync(evt!);
            return [];
        }
        var replay = new ChangeReplay(session);
        var batches = replay.Land(changesFile);
        await replay.DeliverAsync(batches);
        return batches;
    }

    /// <summary>Earlier runs of a reused workspace keep the cost their own invocation recorded (the table does not hold it).</summary>
    private static void CarryCostsForward(string workspace, IReadOnlyList<JsonObject> items)
    {
        var previous = RunRecord.Read(workspace)?["runs"] as JsonArray;
        if (previous is null) return;
        foreach (var item in items.Where(i => i["cost"] is null))
        {
            var sk = item[TableKeys.SortKey]?.GetValue<string>();
            if (previous.OfType<JsonObject>().FirstOrDefault(p => p[TableKeys.SortKey]?.GetValue<string>() == sk)?["cost"] is { } cost) item["cost"] = cost.DeepClone();
        }
    }

    private static bool IsDecision(JsonObject item) => item[TableKeys.SortKey]?.GetValue<string>().StartsWith(TableKeys.DecisionPrefix, StringComparison.Ordinal) == true;
}
