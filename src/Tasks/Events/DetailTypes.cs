namespace TrainingOrchestration.Tasks.Events;

/// <summary>The EventBridge <c>detail-type</c> values the tasks understand.</summary>
public static class DetailTypes
{
    public const string SageMakerTrainingJobStateChange = "SageMaker Training Job State Change";
    public const string GlueJobStateChange = "Glue Job State Change";
    public const string S3ObjectCreated = "Object Created";
    public const string ScheduledEvent = "Scheduled Event";
    /// <summary>Default detail type of CDC events routed through EventBridge Pipes (pipeline.yaml <c>source.cdc</c>).</summary>
    public const string TableChange = "Table Change";
}
