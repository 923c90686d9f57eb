namespace TrainingOrchestration.LocalRuntime.Reports;

public sealed record NamedDuration(string Name, TimeSpan Duration);
