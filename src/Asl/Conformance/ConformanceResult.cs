namespace TrainingOrchestration.Asl.Conformance;

/// <summary>The verdict on one case; <see cref="Reason"/> says what differed.</summary>
public sealed record ConformanceResult(ConformanceCase Case, bool Passed, string? Reason, string ActualJson);
