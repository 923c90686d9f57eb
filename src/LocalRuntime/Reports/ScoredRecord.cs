namespace TrainingOrchestration.LocalRuntime.Reports;

public sealed record ScoredRecord(float Label, float Score);
