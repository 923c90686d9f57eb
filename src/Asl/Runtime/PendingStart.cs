namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// An execution's strand, queued to the thread pool when the execution starts. Whoever comes first runs it: the thread
/// pool, or <see cref="StepFunctionsEngine.WaitForCompletionAsync"/>, which would otherwise wait for a thread-pool
/// thread to start it and then for another to resume the waiter. Either way it runs in the execution context of the
/// code that started the execution (as <c>Task.Run</c> would: async-local values flow from the starter), and with no
/// synchronization context, as on the thread pool, so its continuations never post back to the waiter's context.
/// </summary>
internal sealed class PendingStart(Func<Task> strand)
{
    private readonly ExecutionContext? _context = ExecutionContext.Capture();
    private Func<Task>? _strand = strand;

    public void Queue() => ThreadPool.UnsafeQueueUserWorkItem(static start => start.RunInContext(), this, preferLocal: false);

    /// <summary>Runs the strand on this thread (until its first wait) unless it has already been taken.</summary>
    public void RunHere()
    {
        if (Volatile.Read(ref _strand) is null) return;
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            RunInContext();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private void RunInContext()
    {
        if (_context is null) Run(this);
        else ExecutionContext.Run(_context, static start => Run((PendingStart)start!), this);
    }

    /// <summary>Takes the strand (dropping the reference, so a blocked execution does not keep it) and runs it.</summary>
    private static void Run(PendingStart start)
    {
        if (Interlocked.Exchange(ref start._strand, null) is { } taken) _ = taken();
    }
}
