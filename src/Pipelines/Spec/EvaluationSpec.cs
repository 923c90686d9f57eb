namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>How a candidate is judged: thresholds it must meet and the margin by which it must beat the champion.</summary>
public sealed record EvaluationSpec
{
    /// <summary>One of <see cref="ModelMetricNames.All"/>; compared with the champion.</summary>
    public required string PrimaryMetric { get; init; }
    public required IReadOnlyDictionary<string, MetricThreshold> Thresholds { get; init; }
    /// <summary>The candidate must beat the champion's primary metric by at least this much.</summary>
    public double ChampionMargin { get; init; }
}

/// <summary>Bounds on one metric; either may be absent.</summary>
public sealed record MetricThreshold(double? Min, double? Max);
