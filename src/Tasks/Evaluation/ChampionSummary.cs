using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// The champion the candidate was compared with, as <c>$.evaluation.champion</c> and the run record's <c>champion</c>:
/// its metrics on this run's test split (the same rows as the candidate's), the improvement of the primary metric
/// (candidate − champion, sign flipped for lower-is-better metrics, so positive favours the candidate), its interval,
/// and the comparison's decision. <see cref="Unavailable"/> says why no comparison was made, when none was.
/// </summary>
public sealed record ChampionSummary
{
    [JsonPropertyName("runId")] public required string RunId { get; init; }
    [JsonPropertyName("metrics")] public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    [JsonPropertyName("metric")] public string? Metric { get; init; }
    [JsonPropertyName("difference")] public double? Difference { get; init; }
    [JsonPropertyName("interval")] public ImprovementInterval? Interval { get; init; }
    [JsonPropertyName("margin")] public double Margin { get; init; }
    /// <summary>PROMOTE when the interval's lower bound reaches the margin, else REJECT.</summary>
    [JsonPropertyName("decision")] public required string Decision { get; init; }
    [JsonPropertyName("unavailable")] public string? Unavailable { get; init; }
}
