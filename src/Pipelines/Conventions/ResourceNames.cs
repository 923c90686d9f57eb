namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// How the pipeline's named resources are called. The stack and the workflows name them when they are defined; the
/// local runtime and the CLI find them again by the same names (the template file, the training state machine).
/// </summary>
public static class ResourceNames
{
    /// <summary>The CDK app's prefix for every pipeline's stack.</summary>
    public const string App = "TrainingOrchestration";

    /// <summary>One stack per pipeline: <c>TrainingOrchestration-&lt;pipeline&gt;</c>.</summary>
    public static string Stack(string pipeline) => $"{App}-{pipeline}";

    /// <summary>The file <c>cdk synth</c> writes the stack's template to.</summary>
    public static string TemplateFile(string pipeline) => $"{Stack(pipeline)}.template.json";

    public static string TrainingStateMachine(string pipeline) => $"{pipeline}-training";

    public static string TriggerStateMachine(string pipeline) => $"{pipeline}-trigger";

    public static string CallbackStateMachine(string pipeline) => $"{pipeline}-callback";

    public static string RunStatusStateMachine(string pipeline) => $"{pipeline}-run-status";

    /// <summary>The feature Glue job and its security configuration.</summary>
    public static string FeatureJob(string pipeline) => $"{pipeline}-features";

    public static string Dashboard(string pipeline) => Stack(pipeline);

    public static string NotificationsTopic(string pipeline) => $"{pipeline}-notifications";

    public static string PagingTopic(string pipeline) => $"{pipeline}-paging";

    /// <summary>
    /// The pipeline's SageMaker Model Package Group (the model registry): <c>TrainingOrchestration-&lt;pipeline&gt;</c>,
    /// at most 22 + 36 characters of the 63 the API allows (<c>[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}</c>).
    /// </summary>
    public static string ModelPackageGroup(string pipeline) => Stack(pipeline);

    /// <summary>The EventBridge Pipe that reads the source's changes (DynamoDB stream or Kafka topic).</summary>
    public static string ChangePipe(string pipeline) => $"{pipeline}-changes";

    /// <summary>The Firehose stream that lands change records in <c>raw/&lt;table&gt;/changes/</c>; its name starts each object's name.</summary>
    public static string LandingStream(string pipeline) => $"{pipeline}-changes";

    /// <summary>The Express workflow the Pipe enriches each batch with: it announces the batch (one event, its change count).</summary>
    public static string ChangeBatchStateMachine(string pipeline) => $"{pipeline}-change-batch";
}
