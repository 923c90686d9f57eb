namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>Values of <c>$.evaluation.decision</c>.</summary>
public static class EvaluationDecision
{
    public const string Promote = "PROMOTE";
    public const string Reject = "REJECT";
}
