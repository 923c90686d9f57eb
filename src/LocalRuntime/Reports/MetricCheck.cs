namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>One metric against its threshold (and the champion's value when there is one).</summary>
public sealed record MetricCheck(string Metric, double Observed, double? Min = null, double? Max = null, bool? Passed = null, double? Champion = null);
