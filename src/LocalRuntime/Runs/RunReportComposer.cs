using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Reports;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// Gathers what the report shows for one run from where the run left it (the run and validation items, the training
/// execution's history, the batch transform's predictions in the bucket) and writes <c>report.md</c> with its charts.
/// </summary>
public static class RunReportComposer
{
    public static async Task<RunReportFiles?> WriteAsync(PipelineSession session, JsonObject? run, TimeSpan wallTime, string workspace, CancellationToken cancellationToken = default,
        JsonObject? explanation = null, DateTimeOffset? ranAt = null)
    {
        if (run is null) return null;
        var runId = Text(run["runId"]) ?? TableKeys.RunIdOf(Text(run[TableKeys.SortKey])!);
        var pipeline = session.Pipeline.Name;
        var validationItem = await session.ReadItemAsync(TableKeys.Validation(runId), cancellationToken);
        var validation = validationItem?["outcome"] is JsonValue v && v.TryGetValue<string>(out var text) ? JsonNode.Parse(text) : validationItem?["outcome"];
        var training = session.Executions().Where(e => e.StateMachine == ResourceNames.TrainingStateMachine(pipeline))
            .FirstOrDefault(e => e.Execution.ExecutionArn == Text(run["executionArn"]) || JsonNode.Parse(e.Execution.Input)?["runId"]?.GetValue<string>() == runId);
        var work = WorkDurations.For(session.Cloud, run);
        var path = training.Execution is null ? [] : ExecutionPath.FromHistory(session.Cloud.Engine.GetExecutionHistory(training.Execution.ExecutionArn))
            .Select(s => work.TryGetValue(s.Name, out var took) ? s with { Work = took } : s).ToList();
        var bucket = session.BucketName;
        var predictions = session.Cloud.Buckets.PathFor(bucket, BucketLayout.Predictions(pipeline, runId) + "x")[..^1];
        var jobName = Text(run["trainingJobName"]);
        var problem = ProblemTypes.Of(session.Pipeline.Training);
        var evaluation = new JsonObject
        {
            ["thresholds"] = run["thresholds"]?.DeepClone(),
            ["metrics"] = run["metrics"]?.DeepClone(),
            // The champion's metrics on this run's test split, as the evaluation compared them.
            ["champion"] = run["champion"] is JsonObject champion ? champion.DeepClone() : null,
        };
        var outputs = new List<OutputLocation>
        {
            new("Features", $"s3://{bucket}/{BucketLayout.RunFeatures(pipeline, runId)}"),
            new("Predictions", $"s3://{bucket}/{BucketLayout.Predictions(pipeline, runId)}"),
            new("Local bucket folder", session.Cloud.Buckets.PathFor(bucket, "x")[..^2]),
            new("Run record", Path.Combine(workspace, RunRecord.FileName)),
        };
        if (jobName is not null) outputs.Insert(1, new("Model artifact", $"s3://{bucket}/{BucketLayout.TrainingArtifact(pipeline, jobName)}"));
        if (Text(run["decision"]) == "PROMOTED") outputs.Insert(2, new("Approved model", $"s3://{bucket}/{BucketLayout.ApprovedModel(pipeline, runId)}"));
        // Deployment on promotion (WORKFLOW.md step 12b): the endpoint, the configuration it was given, and how it ended.
        if (run["deployment"] is JsonObject deployment)
            outputs.Add(new("Endpoint", $"{Text(deployment["endpoint"])} ({Text(deployment["endpointConfig"])}): {Text(deployment["status"])}, {Text(deployment["reason"])}"));

        var failure = RunFailure.Current(run);
        var recovered = RunFailure.RecoveredFrom(run);
        var data = new RunReportData
        {
            Pipeline = pipeline,
            RunId = runId,
            Status = Text(run["status"]) ?? "RUNNING",
            Decision = Text(run["decision"]),
            Reason = Text(run["reason"]) ?? Text(run["cause"]),
            ExecutionArn = training.Execution?.ExecutionArn,
            StartedAt = Time(run["startedAt"]),
            FinishedAt = Time(run["finishedAt"]),
            RanAt = ranAt,
            RanFor = wallTime,
            Error = failure?.Error,
            Cause = failure?.Cause,
            FailedState = failure?.FailedState ?? (recovered is null ? path.LastOrDefault(s => s.Error is not null)?.Name : null),
            RecoveredFrom = recovered?.Describe(),
            Metrics = WorkflowResults.Metrics(evaluation),
            MetricsSource = Text(run["metricsSource"]),
            ChampionComparison = WorkflowResults.ChampionComparison(run["champion"]),
            Validation = WorkflowResults.Validation(validation),
            Path = path,
            Durations = [new NamedDuration("Wall time of the local run", wallTime),
                .. work.Select(w => new NamedDuration(w.Key == WorkDurations.FeatureState ? "Feature job (Glue job run)" : "Training job (SageMaker)", w.Value))],
            Predictions = problem == ProblemType.Binary ? PredictionFiles.Read(predictions) : [],
            ClassConfusion = problem == ProblemType.Multiclass ? PredictionFiles.ReadClassConfusion(predictions, ProblemTypes.ClassCount(session.Pipeline.Training)!.Value) : null,
            Outputs = outputs,
            Explanation = explanation,
            ChangesApplied = RunFeatures.Find(workspace, pipeline, runId)?.ChangesSummary(),
        };
        return RunReportWriter.Write(data, workspace);
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static DateTimeOffset? Time(JsonNode? node) => Text(node) is { } t && DateTimeOffset.TryParse(t, out var at) ? at : null;
}
