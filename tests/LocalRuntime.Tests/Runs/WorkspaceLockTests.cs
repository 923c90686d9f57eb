using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.LocalRuntime.Tests.Runs;

public sealed class WorkspaceLockTests : IDisposable
{
    private readonly string workspace = Directory.CreateTempSubdirectory("workspace-lock-").FullName;

    [Fact]
    public void A_held_workspace_is_refused_as_in_use_naming_the_holder_and_is_free_again_once_released()
    {
        var first = WorkspaceLock.Acquire(workspace);

        var refused = Assert.Throws<WorkspaceInUseException>(() => WorkspaceLock.Acquire(workspace));
        first.Dispose();
        using var again = WorkspaceLock.Acquire(workspace);

        Assert.StartsWith($"workspace in use: {workspace} is held by another run (process {Environment.ProcessId})", refused.Message);
    }

    public void Dispose() => Directory.Delete(workspace, recursive: true);
}
