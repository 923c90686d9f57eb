namespace TrainingOrchestration.Tasks.Costs;

/// <summary>
/// What a run used, as the services report it: Glue's <c>JobRun.DPUSeconds</c>, SageMaker's
/// <c>TrainingTimeInSeconds</c>/<c>BillableTimeInSeconds</c> with the instance type and count, Lambda GB-seconds and
/// requests, Step Functions state transitions (Standard) and Express executions.
/// </summary>
public sealed record RunUsage
{
    public double GlueDpuSeconds { get; init; }
    public string? TrainingInstanceType { get; init; }
    public int TrainingInstanceCount { get; init; } = 1;
    public double TrainingSeconds { get; init; }
    public double BillableTrainingSeconds { get; init; }
    public double LambdaGbSeconds { get; init; }
    public int LambdaRequests { get; init; }
    public int StateTransitions { get; init; }
    public int ExpressExecutions { get; init; }
}
