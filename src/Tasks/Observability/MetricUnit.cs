namespace TrainingOrchestration.Tasks.Observability;

/// <summary>The CloudWatch units the tasks use (EMF <c>MetricDefinition.Unit</c>).</summary>
public static class MetricUnit
{
    public const string Count = "Count";
    public const string Seconds = "Seconds";
    public const string Milliseconds = "Milliseconds";
    public const string Percent = "Percent";
    public const string None = "None";
}
