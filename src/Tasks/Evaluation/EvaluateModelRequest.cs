using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>Payload of <c>EvaluateCandidate</c> (WORKFLOW.md training step 10).</summary>
public sealed record EvaluateModelRequest
{
    [JsonPropertyName("pipeline")] public string? Pipeline { get; init; }
    [JsonPropertyName("runId")] public string? RunId { get; init; }
    [JsonPropertyName("bucket")] public string? Bucket { get; init; }
    /// <summary>Key prefix (or <c>s3://bucket/prefix</c>) of the batch transform output: lines <c>label,score</c>.</summary>
    [JsonPropertyName("predictionsPrefix")] public string? PredictionsPrefix { get; init; }
    /// <summary>What the callback (or the reconcile) reported for the training job.</summary>
    [JsonPropertyName("training")] public TrainingJobResult? Training { get; init; }
    /// <summary>
    /// The champion the workflow scored on this run's test split (<c>$.championScoring</c>): its run id, <c>none</c>
    /// when there was no champion, and the prefix of its batch-transform output.
    /// </summary>
    [JsonPropertyName("champion")] public ChampionScoring? Champion { get; init; }
    /// <summary>The feature job's JobRun (<c>$.features.jobRun</c>), for the run's cost estimate.</summary>
    [JsonPropertyName("glueJobRun")] public GlueJobRunUsage? GlueJobRun { get; init; }
}
