namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>How a candidate is judged: thresholds it must meet and the margin by which it must beat the champion.</summary>
public sealed record EvaluationSpec
{
    /// <summary>One of the metrics of the objective's problem type (<see cref="ProblemTypes.Metrics"/>); compared with the champion.</summary>
    public required string PrimaryMetric { get; init; }
    public required IReadOnlyDictionary<string, MetricThreshold> Thresholds { get; init; }
    /// <summary>
    /// The candidate must beat the champion's primary metric by at least this much, measured on the same test split:
    /// the lower bound of the improvement's confidence interval must reach it.
    /// </summary>
    public double ChampionMargin { get; init; }
    /// <summary>Confidence level of the improvement's interval (<c>evaluation.confidence</c>), in [0.5, 1).</summary>
    public double Confidence { get; init; } = DefaultConfidence;
    /// <summary>Paired bootstrap resamples for metrics other than AUC (<c>evaluation.resamples</c>).</summary>
    public int Resamples { get; init; } = DefaultResamples;

    public const double DefaultConfidence = 0.95;
    public const int DefaultResamples = 1000;
    public const int MinResamples = 100;
    public const int MaxResamples = 100_000;
}

/// <summary>Bounds on one metric; either may be absent.</summary>
public sealed record MetricThreshold(double? Min, double? Max);
