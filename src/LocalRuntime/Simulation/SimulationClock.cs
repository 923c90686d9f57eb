namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>
/// When the simulated period's incidents happen: the contract violation lands once 40 % of the period has passed and
/// a run has been accepted (so there is a model and a drift baseline to protect); the repair follows as soon as a run
/// has read the violating rows; the training failure is armed once 60 % has passed and the violation is repaired, so
/// each incident shows on its own run.
/// </summary>
public sealed class SimulationClock(DateTimeOffset start, int days)
{
    public DateTimeOffset Start { get; } = start;
    public DateTimeOffset End { get; } = start.AddDays(days);

    public DateTimeOffset? ViolatedAt { get; private set; }
    public DateTimeOffset? RepairedAt { get; private set; }
    public DateTimeOffset? FaultArmedAt { get; private set; }

    public double ElapsedDays(DateTimeOffset at) => (at - Start).TotalDays;

    private double Fraction(DateTimeOffset at) => (at - Start) / (End - Start);

    public bool ViolationDue(DateTimeOffset at, bool anyRunAccepted) => ViolatedAt is null && Fraction(at) >= 0.4 && anyRunAccepted;

    public bool RepairDue(bool violationRead) => ViolatedAt is not null && RepairedAt is null && violationRead;

    public bool FaultDue(DateTimeOffset at) => RepairedAt is not null && FaultArmedAt is null && Fraction(at) >= 0.6;

    public void Violated(DateTimeOffset at) => ViolatedAt = at;
    public void Repaired(DateTimeOffset at) => RepairedAt = at;
    public void FaultArmed(DateTimeOffset at) => FaultArmedAt = at;
}
