namespace TrainingOrchestration.LocalRuntime.Reports;

public sealed record ValidationRuleResult(string Rule, string? Column, string Severity, bool Passed, string? Observed, string? Threshold, long? FailingCount = null);
