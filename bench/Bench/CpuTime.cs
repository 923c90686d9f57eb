using System.Diagnostics;

namespace TrainingOrchestration.Bench;

/// <summary>CPU seconds used by this process so far (all threads): a fairer yardstick than wall time on a shared machine.</summary>
internal static class CpuTime
{
    public static double Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
