namespace TrainingOrchestration.LocalRuntime.Dashboards;

/// <summary>One recorded run as the dashboard page lists it under the widgets.</summary>
public sealed record RunRow(string RunId, string StartedAt, string Status, string Decision, string Reason, string PrimaryMetric, double? CostUsd);
