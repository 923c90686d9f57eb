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

    private WorkspaceLock(FileStream handle) => _handle = handle;

    /// <exception cref="WorkspaceInUseException">Another process holds the workspace.</exception>
    public static WorkspaceLock Acquire(string workspace)
    {
        Directory.CreateDirectory(workspace);
        var path = Path.Combine(workspace, FileName);
        try
        {
            var handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            handle.SetLength(0);
            var pid = System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            handle.Write(pid);
            handle.Flush();
            return new WorkspaceLock(handle);
        }
        catch (IOException)
        {
            throw new WorkspaceInUseException(workspace, Holder(path));
        }
    }

    private static string? Holder(string path)
    {
        try
        {
            using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(read);
            var text = reader.ReadToEnd().Trim();
            return text.Length == 0 ? null : text;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _handle.Dispose();
}
