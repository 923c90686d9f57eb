namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>Every threshold with its outcome, and a sentence for each failure.</summary>
public sealed record ThresholdVerdict(IReadOnlyList<ThresholdResult> Results, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
