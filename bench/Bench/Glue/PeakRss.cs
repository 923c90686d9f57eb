namespace TrainingOrchestration.Bench.Glue;

/// <summary>
/// The process's peak resident set (Linux <c>VmHWM</c>), reset before a run (<c>/proc/self/clear_refs</c> "5"), so a
/// run's figure counts DuckDB's native memory too and not what generating the input took.
/// </summary>
internal static class PeakRss
{
    public static void Reset()
    {
        if (File.Exists("/proc/self/clear_refs")) File.WriteAllText("/proc/self/clear_refs", "5");
    }

    public static long Megabytes()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
