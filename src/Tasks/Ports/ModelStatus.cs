namespace TrainingOrchestration.Tasks.Ports;

/// <summary>Values of the MODEL item's <c>status</c> attribute (WORKFLOW.md).</summary>
public static class ModelStatus
{
    public const string Candidate = "CANDIDATE";
    public const string Champion = "CHAMPION";
    public const string Retired = "RETIRED";
}
