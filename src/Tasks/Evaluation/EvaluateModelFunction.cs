using Microsoft.Extensions.Logging;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Composition;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Json;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Tasks.Evaluation.Comparison;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// Lambda <c>EvaluateCandidate</c> (handler <c>TrainingOrchestration.Tasks::TrainingOrchestration.Tasks.Evaluation.EvaluateModelFunction::Handle</c>):
/// resolves the candidate's metrics, judges it against the thresholds and the champion, records the MODEL item,
/// emits metrics, and returns the decision for the state machine's promote-or-reject choice.
/// </summary>
public sealed class EvaluateModelFunction
{
    private readonly TaskOptions _options;
    private readonly MetricsResolver _resolver;
    private readonly PredictionReader _predictions;
    private readonly IObjectStore _store;
    private readonly IModelRegistry _registry;
    private readonly TextWriter _metricsOutput;
    private readonly TimeProvider _clock;
    private readonly JsonLineLogger _logger;

    /// <summary>Used by Lambda and the local runtime: everything from the current <see cref="LambdaEnvironment"/>.</summary>
    public EvaluateModelFunction() : this(TaskServices.FromEnvironment()) { }

    public EvaluateModelFunction(TaskServices services)
        : this(services.Options, services.ObjectStore, services.ModelRegistry, services.Output, services.Clock, services.MetricsOutput) { }

    /// <param name="metricsOutput">Where EMF lines go; <paramref name="output"/> when null.</param>
    public EvaluateModelFunction(TaskOptions options, IObjectStore store, IModelRegistry registry, TextWriter output, TimeProvider clock,
        TextWriter? metricsOutput = null)
    {
        _options = options;
        _store = store;
        _predictions = new PredictionReader(store);
        _resolver = new MetricsResolver(_predictions, new ArtifactMetricsReader(store));
        _registry = registry;
        _metricsOutput = metricsOutput ?? output;
        _clock = clock;
        _logger = new JsonLineLogger(nameof(EvaluateModelFunction), output, clock) { MinimumLevel = options.LogLevel };
    }

    public async Task<Stream> Handle(Stream input)
    {
        var request = await TaskJson.ReadAsync(input, TaskJsonContext.Default.EvaluateModelRequest).ConfigureAwait(false);
        var pipeline = Required(request.Pipeline, "pipeline");
        var runId = Required(request.RunId, "runId");
        if (pipeline != _options.PipelineName)
        {
            throw new TaskInputException($"pipeline '{pipeline}' does not match this function's pipeline '{_options.PipelineName}'");
        }
        var bucket = request.Bucket is { Length: > 0 } given ? given : _options.BucketName;
        using var scope = _logger.BeginScope(new Dictionary<string, object?> { ["Pipeline"] = pipeline, ["RunId"] = runId });

        var training = request.Training;
        var artifact = training?.ModelArtifacts?.S3ModelArtifacts;
        var spec = _options.Pipeline.Evaluation;
        ResolvedMetrics resolved;
        PredictionSet? candidatePredictions = null;
        if (training?.TrainingJobStatus is { } status && status != "Completed")
        {
            resolved = new ResolvedMetrics(MetricsSource.None, MetricSet.Empty, null, null,
                [$"training job {training.TrainingJobName} ended {status}; there is no model to evaluate"]);
        }
        else
        {
            resolved = await _resolver.ResolveAsync(bucket, request.PredictionsPrefix, training, Problem, Classes).ConfigureAwait(false);
            candidatePredictions = resolved.Predictions;
            _logger.LogInformation(
                "Metrics for {TrainingJobName} from {MetricsSource} over {RowCount} rows; confusion {Confusion}",
                training?.TrainingJobName, resolved.Source, resolved.RowCount, resolved.Confusion?.ToString());
        }
        var champion = await ChampionOnSplitAsync(pipeline, runId, bucket, request, candidatePredictions).ConfigureAwait(false);
        var response = CandidateJudge.Judge(resolved, champion, spec, artifact);
        response = response with { ModelMetricsUri = await WriteModelQualityAsync(bucket, pipeline, runId, response, resolved).ConfigureAwait(false) };

        await _registry.RecordCandidateAsync(new ModelRecord
        {
            // A rejected candidate is final; a promoted one stays CANDIDATE until the workflow's champion write.
            Status = response.Decision == EvaluationDecision.Promote ? ModelStatus.Candidate : ModelStatus.Rejected,
            Pipeline = pipeline,
            RunId = runId,
            Artifact = artifact,
            Metrics = response.Metrics,
            MetricsSource = response.MetricsSource,
            Decision = response.Decision,
            Reason = response.Reason,
            TrainingJobName = training?.TrainingJobName,
            EvaluatedAt = _clock.GetUtcNow(),
        }).ConfigureAwait(false);

        EmitMetrics(pipeline, runId, training, response);
        EmitRunCost(pipeline, runId, training, request.GlueJobRun);
        _logger.LogInformation("Candidate {Decision} against champion {ExpectedChampionRunId}: {Reason}",
            response.Decision, response.ExpectedChampionRunId, response.Reason);
        return await TaskJson.WriteAsync(response, TaskJsonContext.Default.EvaluateModelResponse).ConfigureAwait(false);
    }

    /// <summary>
    /// The champion the workflow scored on this split, compared with the candidate row by row. A request that names
    /// no scored champion (a definition without <c>ScoreChampion</c>) falls back to the registry's champion, which then
    /// cannot be compared and keeps its place.
    /// </summary>
    private async Task<ChampionOnSplit?> ChampionOnSplitAsync(string pipeline, string runId, string bucket, EvaluateModelRequest request, PredictionSet? candidate)
    {
        if (request.Champion?.RunId is not { Length: > 0 } scored)
        {
            var stored = await _registry.GetChampionAsync(pipeline).ConfigureAwait(false);
            return stored is null ? null : ChampionOnSplit.NotCompared(stored.RunId, $"champion {stored.RunId} was not scored on this run's test split");
        }
        if (scored == CandidateJudge.NoChampion) return null;
        if (candidate is null) return ChampionOnSplit.NotCompared(scored, "the candidate has no test-split predictions to pair with the champion's");
        if (request.Champion.PredictionsPrefix is not { Length: > 0 } prefix) return ChampionOnSplit.NotCompared(scored, "the request gives no champion predictionsPrefix");
        try
        {
            var (championBucket, key) = S3Uri.Location(bucket, prefix);
            var theirs = await _predictions.ReadAsync(championBucket, key, Problem, Classes).ConfigureAwait(false);
            return ChampionComparer.Compare(scored, candidate, theirs, _options.Pipeline.Evaluation, runId);
        }
        catch (PredictionFormatException e)
        {
            return ChampionOnSplit.NotCompared(scored, $"champion {scored}'s predictions are unreadable: {e.Message}");
        }
    }

    /// <summary>The ModelQuality statistics the run's model package points at (<see cref="ModelQualityReport"/>); its s3:// URI.</summary>
    private async Task<string> WriteModelQualityAsync(string bucket, string pipeline, string runId, EvaluateModelResponse response, ResolvedMetrics resolved)
    {
        var key = BucketLayout.ModelMetricsReport(pipeline, runId);
        var report = ModelQualityReport.Build(response, resolved, Problem, _clock.GetUtcNow());
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(report.ToJsonString()));
        await _store.WriteAsync(bucket, key, content).ConfigureAwait(false);
        return $"s3://{bucket}/{key}";
    }

    /// <summary>The pipeline's problem type, from its objective (the loader refused the objectives the evaluation cannot score).</summary>
    private ProblemType Problem => ProblemTypes.Of(_options.Pipeline.Training);

    private int Classes => ProblemTypes.ClassCount(_options.Pipeline.Training) ?? 0;

    private void EmitMetrics(string pipeline, string runId, TrainingJobResult? training, EvaluateModelResponse response)
    {
        var outcome = new EmfMetrics(_options.MetricsNamespace, _metricsOutput, _clock).WithDimension(MetricNames.PipelineDimension, pipeline).WithProperty(MetricNames.RunIdProperty, runId);
        // Both counts on every evaluation (one of them zero), so the dashboard's lines and Sum statistics never gap.
        var promoted = response.Decision == EvaluationDecision.Promote;
        outcome.Put(MetricNames.CandidatesPromoted, promoted ? 1 : 0, MetricUnit.Count);
        outcome.Put(MetricNames.CandidatesRejected, promoted ? 0 : 1, MetricUnit.Count);
        if (training is { TrainingStartTime: { } start, TrainingEndTime: { } end } && end >= start)
        {
            outcome.Put(MetricNames.TrainingDurationSeconds, (end - start).TotalSeconds, MetricUnit.Seconds);
        }
        outcome.Flush();
        foreach (var metric in ProblemTypes.Metrics(Problem))
        {
            if (!response.Metrics.TryGetValue(metric, out var value)) continue;
            new EmfMetrics(_options.MetricsNamespace, _metricsOutput, _clock)
                .WithDimension(MetricNames.PipelineDimension, pipeline)
                .WithDimension(MetricNames.MetricDimension, metric)
                .WithProperty(MetricNames.RunIdProperty, runId)
                .Put(MetricNames.ModelMetric, value, MetricUnit.None)
                .Flush();
        }
    }

    /// <summary>
    /// <c>RunCost</c> (USD, by Pipeline and Tier): the run's Glue and SageMaker cost from the usage the services reported,
    /// the costs that dominate a training run, priced with <see cref="Costs.PriceTable"/>. Emitted here because the
    /// evaluation is the one task that sees both reports on AWS as well.
    /// </summary>
    private void EmitRunCost(string pipeline, string runId, TrainingJobResult? training, GlueJobRunUsage? glue)
    {
        var cost = Costs.RunCostEstimator.Estimate(new Costs.RunUsage
        {
            GlueDpuSeconds = glue?.DpuSeconds is { } dpu ? Costs.PriceTable.GlueBilledDpuSeconds(dpu, glue.MaxCapacity ?? 0) : 0,
            TrainingInstanceType = training?.ResourceConfig?.InstanceType,
            TrainingInstanceCount = training?.ResourceConfig?.InstanceCount ?? 1,
            TrainingSeconds = training?.TrainingTimeInSeconds ?? 0,
            BillableTrainingSeconds = training?.BillableTimeInSeconds ?? 0,
        });
        new EmfMetrics(_options.MetricsNamespace, _metricsOutput, _clock)
            .WithDimension(MetricNames.PipelineDimension, pipeline)
            .WithDimension(MetricNames.TierDimension, _options.Pipeline.Tier.ToString().ToLowerInvariant())
            .WithProperty(MetricNames.RunIdProperty, runId)
            .Put(MetricNames.RunCost, cost.Total, MetricUnit.None)
            .Flush();
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new TaskInputException($"the input has no '{field}'; see WORKFLOW.md step 10") : value;
}
