namespace TrainingOrchestration.Tasks.Costs;

/// <summary>A run's estimated cost in USD per service, its total, and what managed spot training saved.</summary>
public sealed record RunCost(double Glue, double SageMaker, double SpotSaving, double Lambda, double StepFunctions, string? Note)
{
    public double Total => Glue + SageMaker + Lambda + StepFunctions;
}
