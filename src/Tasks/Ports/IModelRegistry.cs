namespace TrainingOrchestration.Tasks.Ports;

/// <summary>
/// The model versions of a pipeline as the evaluation Lambda sees them: it reads the current champion and records
/// each candidate. Promotion itself is the state machine's conditional write, not this port's job, so that the
/// champion can only change through the one guarded path.
/// </summary>
public interface IModelRegistry
{
    /// <summary>The active model of <paramref name="pipeline"/>, or null before the first promotion.</summary>
    Task<ChampionRecord?> GetChampionAsync(string pipeline, CancellationToken cancellationToken = default);

    /// <summary>Writes (or overwrites, on a retried invocation) the <c>MODEL#&lt;runId&gt;</c> item.</summary>
    Task RecordCandidateAsync(ModelRecord model, CancellationToken cancellationToken = default);
}
