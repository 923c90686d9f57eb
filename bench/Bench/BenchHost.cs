namespace TrainingOrchestration.Bench;

/// <summary>What every suite reads of its command line and of the machine it runs on.</summary>
internal static class BenchHost
{
    /// <summary>The value after <paramref name="name"/> on the command line (<c>--rows 1000</c>), or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The 1-, 5- and 15-minute load averages, printed beside figures that a busy machine would change.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The repository's root folder (the one holding the solution), found from the bench's own binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrainingOrchestration.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
