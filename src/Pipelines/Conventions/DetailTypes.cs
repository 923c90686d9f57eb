namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// EventBridge sources and <c>detail-type</c> values: the domain events the training workflow publishes
/// (WORKFLOW.md "Domain events"), and the AWS events the rules match and the tasks read. The AWS values are what the
/// services emit: SageMaker (https://docs.aws.amazon.com/sagemaker/latest/dg/automating-sagemaker-with-eventbridge.html),
/// S3 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html), Glue
/// (https://docs.aws.amazon.com/glue/latest/dg/automating-awsglue-with-cloudwatch-events.html) and scheduled rules
/// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-rule-schedule.html).
/// </summary>
public static class DetailTypes
{
    /// <summary>The source of the domain events below.</summary>
    public const string DomainSource = "training-orchestration";
    public const string ModelPromoted = "Model Promoted";
    public const string ModelRejected = "Model Rejected";
    public const string RunFailed = "Training Run Failed";
    /// <summary>The champion was set back to an earlier version (<c>models &lt;p&gt; rollback</c>, runbooks/rollback-model.md).</summary>
    public const string ModelRolledBack = "Model Rolled Back";

    /// <summary>Default source and detail type of CDC events routed through EventBridge Pipes (pipeline.yaml <c>source.cdc</c>).</summary>
    public const string CdcSource = "training-orchestration.cdc";
    public const string TableChange = "Table Change";

    public const string SageMakerSource = "aws.sagemaker";
    public const string SageMakerTrainingJobStateChange = "SageMaker Training Job State Change";
    public const string S3Source = "aws.s3";
    public const string S3ObjectCreated = "Object Created";
    public const string GlueSource = "aws.glue";
    public const string GlueJobStateChange = "Glue Job State Change";
    public const string ScheduleSource = "aws.events";
    /// <summary>Step Functions' own events (AWS: step-functions/latest/dg/eventbridge-integration.html).</summary>
    public const string StepFunctionsSource = "aws.states";
    public const string ExecutionStatusChange = "Step Functions Execution Status Change";
    public const string ScheduledEvent = "Scheduled Event";
}
