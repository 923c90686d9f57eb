namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// One command at a time per workspace: an exclusive handle on <c>&lt;workspace&gt;/.in-use</c>, held for the whole
/// run. A second <c>run</c> on the same workspace is told "workspace in use" before it starts its own database server
/// on the same files (whose lock it would otherwise crash on). The operating system drops the handle when the holder
/// exits, so a killed run never leaves the workspace locked.
/// </summary>
public sealed class WorkspaceLock : IDisposable
{
    public const string FileName = ".in-use";

    private readonly FileStream _handle;
    private readonly string _holderFile;

    private WorkspaceLock(FileStream handle, string holderFile)
    {
        _handle = handle;
        _holderFile = holderFile;
    }

    /// <exception cref="WorkspaceInUseException">Another process holds the workspace.</exception>
    public static WorkspaceLock Acquire(string workspace)
    {
        Directory.CreateDirectory(workspace);
        var path = Path.Combine(workspace, FileName);
        try
        {
            // The exclusive handle is the lock (flock on Unix); the process id goes beside it, readable while it is held.
            var handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            File.WriteAllText(path + ".pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new WorkspaceLock(handle, path + ".pid");
        }
        catch (IOException)
        {
            throw new WorkspaceInUseException(workspace, Holder(path + ".pid"));
        }
    }

    private static string? Holder(string pidFile)
    {
        try
        {
            var text = File.ReadAllText(pidFile).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try { File.Delete(_holderFile); } catch (IOException) { }
        _handle.Dispose();
    }
}
