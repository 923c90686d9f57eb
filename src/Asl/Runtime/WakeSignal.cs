namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// What a blocked strand waits on. The first waker wins and acquires a clock hold on the strand's behalf
/// before the strand resumes, so virtual time cannot slip forward between "woken" and "running again".
/// </summary>
internal sealed class WakeSignal<T>(ClockDriver clock)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _woken;

    public bool IsWoken => Volatile.Read(ref _woken) != 0;

    public bool TryWake(T value)
    {
        if (Interlocked.Exchange(ref _woken, 1) != 0) return false;
        clock.Acquire();
        _completion.SetResult(value);
        return true;
    }

    /// <summary>Releases the caller's hold, waits, and returns holding again (the waker's hold).</summary>
    public Task<T> WaitReleasedAsync()
    {
        clock.Release();
        return _completion.Task;
    }
}
