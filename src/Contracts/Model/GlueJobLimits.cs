namespace TrainingOrchestration.Contracts.Model;

/// <summary>
/// What the feature job's run must satisfy: its final state, its execution time and DPU-seconds (cost), and
/// the rows it wrote (from <c>manifest.json</c>), which must also match the rows the validator counted.
/// </summary>
public sealed record GlueJobLimits(
    string State,
    TimeSpan? MaxExecutionTime,
    double? MaxDpuSeconds,
    long? MinRowsWritten,
    bool RowsMatchTable);
