namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>Another command is running on the workspace; says which process when it can.</summary>
public sealed class WorkspaceInUseException(string workspace, string? processId)
    : InvalidOperationException($"workspace in use: {workspace} is held by another run{(processId is null ? "" : $" (process {processId})")}; " +
        "wait for it to finish, or pass another --workspace.")
{
    public string Workspace { get; } = workspace;
}
