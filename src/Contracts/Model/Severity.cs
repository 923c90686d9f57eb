namespace TrainingOrchestration.Contracts.Model;

/// <summary>An <see cref="Error"/> rule that fails blocks training; a <see cref="Warn"/> rule only reports.</summary>
public enum Severity
{
    Error,
    Warn,
}
