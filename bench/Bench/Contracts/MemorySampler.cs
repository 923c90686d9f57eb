using System.Diagnostics;

namespace TrainingOrchestration.Bench.Contracts;

/// <summary>Samples the GC heap and the process working set every 20 ms and keeps the peaks of one run.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer timer;
    private readonly Process process = Process.GetCurrentProcess();

    public MemorySampler() => timer = new Timer(_ => Sample(), null, 0, 20);

    public long PeakHeap { get; private set; }
    public long PeakWorkingSet { get; private set; }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(false);
        process.Refresh();
        var workingSet = process.WorkingSet64;
        lock (timer)
        {
            PeakHeap = Math.Max(PeakHeap, heap);
            PeakWorkingSet = Math.Max(PeakWorkingSet, workingSet);
        }
    }

    public void Stop()
    {
        timer.Change(Timeout.Infinite, Timeout.Infinite);
        Sample();
    }

    public void Dispose() => timer.Dispose();
}
