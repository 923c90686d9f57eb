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
        var toLaunch = new List<int>(initial);
        lock (_gate)
        {
            for (var i = 0; i < initial; i++) toLaunch.Add(_next++);
            _launched = initial;
        }
        foreach (var index in toLaunch) Launch(index);
        await _done.WaitReleasedAsync();
        _abort.Dispose();
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
        if (next is { } index) Launch(index);
        if (all) _done.TryWake(true);
        clock.Release();
    }
}
