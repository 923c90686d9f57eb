using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>What <c>ScoreChampion</c> produced: whose predictions, and where (a key prefix or <c>s3://</c> URI).</summary>
public sealed record ChampionScoring
{
    [JsonPropertyName("runId")] public string? RunId { get; init; }
    [JsonPropertyName("predictionsPrefix")] public string? PredictionsPrefix { get; init; }
}
