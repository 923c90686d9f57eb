namespace TrainingOrchestration.Tasks.Ports;

/// <summary>The <c>CHAMPION</c> item: the single active model of a pipeline.</summary>
public sealed record ChampionRecord(
    string RunId,
    string? Artifact,
    IReadOnlyDictionary<string, double> Metrics,
    string? PrimaryMetric,
    DateTimeOffset? PromotedAt);
