using System.Diagnostics;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// What the Step Functions console does with a failed training run, on the local runtime. <b>Redrive</b>: the saved
/// execution is put back into the engine and redriven (same ARN, <c>ExecutionRedriven</c> in its history, the
/// succeeded states not run again, <c>$$.Execution.RedriveCount</c> one higher). <b>Rerun</b> ("New execution"): a new
/// execution of the training state machine with the failed execution's input; the workflow gives it a fresh run id.
/// </summary>
public static class LocalRedrive
{
    public static Task<LocalRunOutcome> RedriveAsync(LocalRedriveRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(request, progress, (cloud, failed) =>
        {
            var arn = cloud.Engine.ImportExecution(failed);
            cloud.Engine.RedriveExecution(arn);
            return arn;
        }, cancellationToken);

    public static Task<LocalRunOutcome> RerunAsync(LocalRedriveRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(request, progress, (cloud, failed) =>
            cloud.Engine.StartExecution(failed.Description.StateMachineArn, $"{failed.Description.Name}-rerun-{cloud.Clock.UtcNow:yyyyMMddTHHmmss}", failed.Description.Input).ExecutionArn,
            cancellationToken);

    private static async Task<LocalRunOutcome> RunAsync(LocalRedriveRequest request, IProgress<RunProgress>? progress,
        Func<LocalCloud, ExecutionSnapshot, string> act, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var failed = ExecutionStore.FindTrainingRun(request.Workspace, request.Pipeline.Name, request.RunId);
        if (failed.Description.Status is ExecutionStatus.Succeeded or ExecutionStatus.Running)
        {
            throw new InvalidOperationException($"Run {request.RunId} ({failed.Description.Name}) is {failed.Description.StatusName}; only a FAILED, TIMED_OUT or ABORTED run can be redriven or rerun.");
        }

        // The virtual clock resumes a minute after the failure (a redrive must come within 14 days of it, as on AWS).
        var resumeAt = (failed.Description.StopDate ?? failed.Description.StartDate).AddMinutes(1);
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            TemplatePaths = [request.TemplatePath],
            Workspace = request.Workspace,
            StartTime = resumeAt,
            PipelinesRoot = request.PipelinesRoot,
        }, cancellationToken);
        var session = new PipelineSession(cloud, request.Pipeline);
        var runsBefore = (await session.ReadRunsAsync(cancellationToken)).ToDictionary(r => r[TableKeys.SortKey]!.GetValue<string>(), r => r.ToJsonString());

        var executionArn = act(cloud, failed);
        await session.WaitForIdleAsync(request.Timeout, progress, cancellationToken);

        var items = await session.ReadItemsAsync(cancellationToken);
        var executions = session.Executions()
            .Select(e => ExecutionSummary.From(e.StateMachine, e.Execution, cloud.Engine.GetExecutionHistory(e.Execution.ExecutionArn)))
            .OrderBy(e => e.Start).ToList();
        var runId = JsonNode.Parse(cloud.Engine.DescribeExecution(executionArn).Input)?["runId"]?.GetValue<string>();
        var run = items.Where(i => i[TableKeys.SortKey]?.GetValue<string>() is { } sk && sk.StartsWith(TableKeys.RunPrefix, StringComparison.Ordinal)
                && (!runsBefore.TryGetValue(sk, out var before) || before != i.ToJsonString()))
            .OrderBy(i => i[TableKeys.SortKey]!.GetValue<string>() == TableKeys.Run(runId ?? "") ? 1 : 0).LastOrDefault();
        var record = RunRecord.Build(request.Pipeline.Name, request.Workspace, items, executions, cloud.Bus.Events, cloud.Sns.Messages, stopwatch.Elapsed);
        RunRecord.Write(request.Workspace, record);
        ExecutionStore.Save(session, request.Workspace);
        return new LocalRunOutcome(Path.GetFullPath(request.Workspace), record, run, null, executions, stopwatch.Elapsed);
    }
}
