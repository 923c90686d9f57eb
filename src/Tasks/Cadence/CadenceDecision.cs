namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// What the cadence policy decided: start a run or not, a reason code for dashboards, a sentence for people, and
/// for a skip the time a run would start without further changes (null when only more changes can start one).
/// </summary>
public sealed record CadenceDecision(bool Start, string ReasonCode, string Reason, DateTimeOffset? NextEligibleAt)
{
    public string Decision => Start ? "START" : "SKIP";
}
