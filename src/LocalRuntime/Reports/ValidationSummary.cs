namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>The validation outcome: overall verdict, summary and each rule's result.</summary>
public sealed record ValidationSummary(bool Passed, string Summary, IReadOnlyList<ValidationRuleResult> Rules, long? RowCount = null);
