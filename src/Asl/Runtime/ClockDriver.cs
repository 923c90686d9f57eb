namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// The engine's view of its clock: holds (so a <see cref="VirtualClock"/> does not advance while a state is
/// running) and callback timers. Any <see cref="IClock"/> works; only a virtual clock has holds.
/// </summary>
internal sealed class ClockDriver(IClock clock)
{
    private readonly VirtualClock? _virtual = clock as VirtualClock;

    public IClock Clock => clock;

    public DateTimeOffset Now => clock.UtcNow;

    public void Acquire() => _virtual?.AcquireHold();

    public void Release() => _virtual?.ReleaseHold();

    /// <summary>Calls <paramref name="callback"/> at <paramref name="due"/>; dispose the result to cancel.</summary>
    public IDisposable Schedule(DateTimeOffset due, Action callback, bool wakesOnly = false)
    {
        if (_virtual is not null) return _virtual.Schedule(due, callback, wakesOnly);
        var cts = new CancellationTokenSource();
        clock.DelayUntil(due, cts.Token).ContinueWith(
            t => { if (t.IsCompletedSuccessfully) callback(); },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return new CancelOnDispose(cts);
    }

    private sealed class CancelOnDispose(CancellationTokenSource cts) : IDisposable
    {
        public void Dispose()
        {
            try { cts.Cancel(); } catch (ObjectDisposedException) { }
        }
    }
}
