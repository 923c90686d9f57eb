namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>The files a report consists of; images are null when the run produced no predictions to draw.</summary>
public sealed record RunReportFiles(string Report, string? RocCurve, string? ConfusionMatrix);
