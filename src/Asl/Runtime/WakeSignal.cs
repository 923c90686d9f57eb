using System.Threading.Tasks.Sources;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// What a blocked strand waits on. The first waker wins and acquires a clock hold on the strand's behalf
/// before the strand resumes, so virtual time cannot slip forward between "woken" and "running again".
/// A strand woken by a virtual-clock timer while another strand is going to sleep resumes right there on that
/// strand's thread (which is about to go idle) instead of hopping to another thread; every other waker (task
/// tokens, StopExecution, handlers) resumes it asynchronously, so it never runs inside the waker's locks.
/// </summary>
internal sealed class WakeSignal<T>(ClockDriver clock) : IValueTaskSource<T>
{
    private ManualResetValueTaskSourceCore<T> _core = new() { RunContinuationsAsynchronously = true };
    private int _woken;

    public bool IsWoken => Volatile.Read(ref _woken) != 0;

    public bool TryWake(T value)
    {
        if (Interlocked.Exchange(ref _woken, 1) != 0) return false;
        clock.Acquire();
        _core.RunContinuationsAsynchronously = !VirtualClock.TakeInlineWake();
        _core.SetResult(value);
        return true;
    }

    /// <summary>Releases the caller's hold, waits, and returns holding again (the waker's hold). Await it once.</summary>
    public ValueTask<T> WaitReleasedAsync()
    {
        VirtualClock.ReleaseToWait(clock.Clock as VirtualClock, clock.Release);
        return new ValueTask<T>(this, _core.Version);
    }

    T IValueTaskSource<T>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<T>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<T>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
