namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// An execution's strand, queued to the thread pool when the execution starts. Whoever comes first runs it: the thread
/// pool, or <see cref="StepFunctionsEngine.WaitForCompletionAsync"/>, which would otherwise wait for a thread-pool
/// thread to start it and then for another to resume the waiter. Run here, it runs with no synchronization context, as
/// on the thread pool, so its continuations never post back to the waiter's context.
/// </summary>
internal sealed class PendingStart(Func<Task> strand)
{
    private Func<Task>? _strand = strand;

    public void Queue() => ThreadPool.UnsafeQueueUserWorkItem(static start => start.Run(), this, preferLocal: false);

    /// <summary>Runs the strand on this thread (until its first wait) unless it has already been taken.</summary>
    public void RunHere()
    {
        if (Volatile.Read(ref _strand) is null) return;
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            Run();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>Takes the strand (dropping the reference, so a blocked execution does not keep it) and runs it.</summary>
    private void Run()
    {
        if (Interlocked.Exchange(ref _strand, null) is { } taken) _ = taken();
    }
}
