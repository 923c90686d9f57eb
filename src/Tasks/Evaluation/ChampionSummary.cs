using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>The champion the candidate was compared with.</summary>
public sealed record ChampionSummary(
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics);
