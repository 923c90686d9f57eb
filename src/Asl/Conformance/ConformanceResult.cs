namespace TrainingOrchestration.Asl.Conformance;

/// <summary>The verdict on one case; <see cref="Reason"/> says what differed.</summary>
/// <param name="Ambiguous">The recording is contradicted by an identical one (masked values), so only status was judged.</param>
public sealed record ConformanceResult(ConformanceCase Case, bool Passed, string? Reason, string ActualJson, bool Ambiguous = false)
{
    /// <summary>A deterministic JSONPath case: the ones every engine build must pass.</summary>
    public bool Required => Case.QueryLanguage == "jsonpath" && !Case.Nondeterministic && !Ambiguous;
}
