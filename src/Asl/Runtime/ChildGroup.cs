namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// Runs a Map's iterations or a Parallel's branches as concurrent strands, at most
/// <c>maxConcurrency</c> at a time (0 = unbounded). Each strand holds the clock while it runs; the parent
/// lets go while it waits and gets a hold back from the last strand to finish, so time never moves in between.
/// </summary>
internal sealed class ChildGroup(ClockDriver clock, int total, int maxConcurrency, Func<int, CancellationToken, Task> body, CancellationToken parent)
{
    private readonly CancellationTokenSource _abort = CancellationTokenSource.CreateLinkedTokenSource(parent);
    private readonly WakeSignal<bool> _done = new(clock);
    private readonly object _gate = new();
    private int _next;
    private int _launched;
    private int _finished;
    private bool _aborted;

    /// <summary>Stops launching children and cancels the running ones (a failure nothing tolerates).</summary>
    public void Abort()
    {
        lock (_gate) { _aborted = true; }
        try { _abort.Cancel(); } catch (ObjectDisposedException) { }
    }

    public async Task RunAsync()
    {
        if (total == 0) return;
        var initial = maxConcurrency <= 0 ? total : Math.Min(maxConcurrency, total);
        lock (_gate)
        {
            _next = initial;
            _launched = initial;
        }
        // Every child holds the clock from now until it finishes (the parent still holds it here), so time cannot
        // move while children wait their turn in a pump.
        for (var i = 0; i < initial; i++) clock.Acquire();
        // A few pumps start the children one after another (a child that blocks does not delay the next one):
        // one thread-pool item per core instead of one per child, and no thread hop for a child that never blocks.
        var pumps = Math.Min(initial, Math.Max(1, Environment.ProcessorCount));
        for (var p = 0; p < pumps; p++)
        {
            var from = (int)((long)initial * p / pumps);
            var to = (int)((long)initial * (p + 1) / pumps);
            _ = Task.Run(() => Pump(from, to));
        }
        await _done.WaitReleasedAsync();
        _abort.Dispose();
    }

    private void Pump(int from, int to)
    {
        for (var index = from; index < to; index++)
        {
            int? next = index;
            // A child that finished without blocking may free a slot (MaxConcurrency): run the next child here, in the loop.
            while (next is { } current) next = Start(current);
        }
    }

    /// <summary>Runs a child until it first blocks; returns the child to run next when it finished at once and freed a slot.</summary>
    private int? Start(int index)
    {
        Task work;
        try
        {
            work = body(index, _abort.Token);
        }
        catch (Exception e)
        {
            work = Task.FromException(e);
        }
        if (!work.IsCompleted)
        {
            work.ContinueWith(static (_, state) => ((ChildGroup)state!).FinishAndLaunch(), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return null;
        }
        return Finish(releaseHold: true, acquireForNext: true);
    }

    private void FinishAndLaunch()
    {
        if (Finish(releaseHold: false, acquireForNext: false) is { } next) Launch(next);
        clock.Release();
    }

    private void Launch(int index)
    {
        clock.Acquire();
        _ = Task.Run(async () =>
        {
            try
            {
                await body(index, _abort.Token);
            }
            catch (OperationCanceledException)
            {
                // Aborted with its siblings or by StopExecution; the parent reports why.
            }
            finally
            {
                Finish();
            }
        });
    }

    private void Finish()
    {
        if (Finish(releaseHold: false, acquireForNext: false) is { } next) Launch(next);
        clock.Release();
    }

    /// <summary>Counts a finished child; returns the next child to start, if a slot freed up and any are left.</summary>
    private int? Finish(bool releaseHold, bool acquireForNext)
    {
        int? next = null;
        bool all;
        lock (_gate)
        {
            _finished++;
            if (!_aborted && _next < total)
            {
                next = _next++;
                _launched++;
            }
            all = _finished == _launched;
        }
        // The next child takes over this child's hold before it is released, so time cannot slip in between.
        if (next is not null && acquireForNext) clock.Acquire();
        if (all) _done.TryWake(true);
        if (releaseHold) clock.Release();
        return next;
    }
}
