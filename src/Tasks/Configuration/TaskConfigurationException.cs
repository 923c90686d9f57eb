namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>The function's environment is incomplete or malformed; lists every problem found.</summary>
public sealed class TaskConfigurationException(IReadOnlyList<string> problems)
    : Exception("Lambda configuration is invalid: " + string.Join("; ", problems) +
                ". Set the variables listed in src/StateMachine/WORKFLOW.md (\"Names\").")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
