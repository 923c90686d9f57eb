using System.Diagnostics;

namespace TrainingOrchestration.Bench.Asl;

/// <summary>
/// What the measured runs of one phase cost per state transition: process CPU time and bytes allocated (all threads),
/// and the share of wall time spent in GC pauses. These say where the time goes whatever the machine's load, which
/// moves the transitions/s figures.
/// </summary>
internal sealed class Cost
{
    private double _cpuMicroseconds;
    private double _allocated;
    private double _pauseSeconds;
    private double _wallSeconds;
    private long _transitions;

    public double CpuMicroseconds => _transitions == 0 ? 0 : _cpuMicroseconds / _transitions;

    public double AllocatedBytes => _transitions == 0 ? 0 : _allocated / _transitions;

    public double PauseShare => _wallSeconds == 0 ? 0 : _pauseSeconds / _wallSeconds;

    public (TimeSpan Cpu, long Allocated, TimeSpan Pause) Start() =>
        (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration());

    /// <summary>Adds one measured run: <paramref name="end"/> is taken when the run stops, before the history is read to count transitions.</summary>
    public void Add((TimeSpan Cpu, long Allocated, TimeSpan Pause) start, (TimeSpan Cpu, long Allocated, TimeSpan Pause) end, TimeSpan wall, long transitions)
    {
        _cpuMicroseconds += (end.Cpu - start.Cpu).TotalMicroseconds;
        _allocated += end.Allocated - start.Allocated;
        _pauseSeconds += (end.Pause - start.Pause).TotalSeconds;
        _wallSeconds += wall.TotalSeconds;
        _transitions += transitions;
    }
}
