namespace TrainingOrchestration.Asl;

/// <summary>
/// Simulated time. With auto-advance (the default) the clock jumps to the earliest pending due time as
/// soon as nothing holds it: the engine holds it while any state is actively running, and callers hold it
/// (<see cref="Hold"/>) while real work happens outside the engine (training a model while an execution
/// waits on a task token), so a one-hour token timeout does not fire while that work is still in flight.
/// </summary>
public sealed class VirtualClock : IClock
{
    private readonly object _gate = new();
    private readonly PriorityQueue<ScheduledTimer, (DateTimeOffset Due, long Seq)> _timers = new();
    private readonly bool _autoAdvance;
    private long _nowTicks;
    private long _sequence;
    private int _holds;
    private bool _advancing;

    public VirtualClock(DateTimeOffset? start = null, bool autoAdvance = true)
    {
        _nowTicks = (start ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).UtcTicks;
        _autoAdvance = autoAdvance;
    }

    public DateTimeOffset UtcNow => new(Volatile.Read(ref _nowTicks), TimeSpan.Zero);

    private DateTimeOffset CurrentTime
    {
        get => UtcNow;
        set => Volatile.Write(ref _nowTicks, value.UtcTicks);
    }

    /// <summary>How many holds are active (engine strands plus outside work).</summary>
    public int ActiveHolds => Volatile.Read(ref _holds);

    /// <summary>Marks outside work in flight: time does not advance until the returned handle is disposed.</summary>
    public IDisposable Hold()
    {
        AcquireHold();
        return new HoldHandle(this);
    }

    public Task DelayUntil(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = Schedule(due, () => completion.TrySetResult());
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                timer.Dispose();
                completion.TrySetCanceled(cancellationToken);
            });
        }
        return completion.Task;
    }

    /// <summary>Moves time forward by <paramref name="by"/>, firing every timer due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate) { target = CurrentTime + by; }
        while (true)
        {
            List<ScheduledTimer> due;
            lock (_gate)
            {
                if (!_timers.TryPeek(out var next, out var key) || key.Due > target)
                {
                    CurrentTime = target;
                    break;
                }
                if (key.Due > CurrentTime) CurrentTime = key.Due;
                due = DequeueDue();
            }
            Fire(due);
        }
        TryAutoAdvance();
    }

    /// <summary>
    /// Like <see cref="Advance"/>, but after each due time it waits (real time, up to <paramref name="settle"/>)
    /// until the work that timer woke has blocked again, so each woken state sees the time it was due.
    /// Holds already active when called (the caller's own) are not waited for.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? settle = null)
    {
        int baseline;
        DateTimeOffset target;
        lock (_gate)
        {
            baseline = Volatile.Read(ref _holds);
            target = CurrentTime + by;
        }
        await SettleAsync(baseline, settle);
        while (true)
        {
            List<ScheduledTimer> due;
            lock (_gate)
            {
                while (_timers.TryPeek(out var head, out _) && head.Cancelled) _timers.Dequeue();
                if (!_timers.TryPeek(out _, out var key) || key.Due > target)
                {
                    CurrentTime = target;
                    break;
                }
                if (key.Due > CurrentTime) CurrentTime = key.Due;
                due = DequeueDue();
            }
            Fire(due);
            await SettleAsync(baseline, settle);
        }
        TryAutoAdvance();
    }

    private async Task SettleAsync(int baseline, TimeSpan? settle)
    {
        var deadline = DateTime.UtcNow + (settle ?? TimeSpan.FromSeconds(10));
        while (ActiveHolds > baseline && DateTime.UtcNow < deadline) await Task.Delay(1);
    }

    /// <summary>Calls <paramref name="callback"/> once time reaches <paramref name="due"/>; dispose to cancel.</summary>
    /// <param name="wakesOnly">The callback only wakes a sleeping strand (a Wait state, a retry back-off): it may then
    /// resume on the thread of the strand whose going to sleep let time advance (see <see cref="ReleaseToWait"/>).</param>
    internal IDisposable Schedule(DateTimeOffset due, Action callback, bool wakesOnly = false)
    {
        var timer = new ScheduledTimer(callback) { WakesOnly = wakesOnly };
        lock (_gate)
        {
            _timers.Enqueue(timer, (due, _sequence++));
        }
        TryAutoAdvance();
        return timer;
    }

    internal void AcquireHold() => Interlocked.Increment(ref _holds);

    internal void ReleaseHold()
    {
        var remaining = Interlocked.Decrement(ref _holds);
        if (remaining < 0) throw new InvalidOperationException("VirtualClock hold released more often than acquired.");
        if (remaining == 0) TryAutoAdvance();
    }

    private void TryAutoAdvance()
    {
        if (!_autoAdvance) return;
        while (true)
        {
            List<ScheduledTimer> due;
            lock (_gate)
            {
                if (_advancing || Volatile.Read(ref _holds) > 0) return;
                while (_timers.TryPeek(out var head, out _) && head.Cancelled) _timers.Dequeue();
                if (!_timers.TryPeek(out _, out var key)) return;
                if (key.Due > CurrentTime) CurrentTime = key.Due;
                due = DequeueDue();
                _advancing = true;
            }
            try
            {
                foreach (var timer in due)
                {
                    _inlineWake = timer.WakesOnly && _releasingToWait;
                    try
                    {
                        timer.Fire();
                    }
                    finally
                    {
                        _inlineWake = false;
                    }
                }
            }
            finally
            {
                lock (_gate) { _advancing = false; }
            }
        }
    }

    private List<ScheduledTimer> DequeueDue()
    {
        var due = new List<ScheduledTimer>();
        while (_timers.TryPeek(out var timer, out var key) && key.Due <= CurrentTime)
        {
            _timers.Dequeue();
            if (!timer.Cancelled) due.Add(timer);
        }
        return due;
    }

    private static void Fire(List<ScheduledTimer> timers)
    {
        foreach (var timer in timers) timer.Fire();
    }

    [ThreadStatic] private static bool _releasingToWait;
    [ThreadStatic] private static bool _inlineWake;

    /// <summary>
    /// Releases a strand's hold as it goes to sleep. If that lets time advance, a timer that only wakes another strand
    /// runs that strand on this thread (which is about to go idle), not through a thread hop.
    /// </summary>
    internal static void ReleaseToWait(VirtualClock? clock, Action release)
    {
        if (clock is null)
        {
            release();
            return;
        }
        var outer = _releasingToWait;
        _releasingToWait = true;
        try
        {
            release();
        }
        finally
        {
            _releasingToWait = outer;
        }
    }

    /// <summary>True once, for the wake-up a <c>wakesOnly</c> timer performs while a strand goes to sleep on this thread.</summary>
    internal static bool TakeInlineWake()
    {
        var inline = _inlineWake;
        _inlineWake = false;
        return inline;
    }

    private sealed class ScheduledTimer(Action callback) : IDisposable
    {
        private int _state;
        public bool WakesOnly { get; init; }
        public bool Cancelled => Volatile.Read(ref _state) != 0;
        public void Fire()
        {
            if (Interlocked.Exchange(ref _state, 2) == 0) callback();
        }
        public void Dispose() => Interlocked.CompareExchange(ref _state, 1, 0);
    }

    private sealed class HoldHandle(VirtualClock clock) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) clock.ReleaseHold();
        }
    }
}
