namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>Short reason codes: the <c>Reason</c> dimension of the <c>TriggerDecisions</c> metric.</summary>
public static class CadenceReason
{
    public const string Bootstrap = "bootstrap";
    public const string Threshold = "threshold";
    public const string Stale = "stale";
    public const string QuietHours = "quiet-hours";
    public const string MinInterval = "min-interval";
    public const string BelowMinChanges = "below-min-changes";
}
