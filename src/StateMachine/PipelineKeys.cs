using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;

namespace TrainingOrchestration.StateMachine;

/// <summary>The single-table keys of WORKFLOW.md ("DynamoDB single table"), built once so every state agrees on them.</summary>
public static class PipelineKeys
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";

    public static string PipelinePk(string pipeline) => $"PIPELINE#{pipeline}";

    public static Dictionary<string, DynamoAttributeValue> Item(string pk, string sk) => new()
    {
        [PartitionKey] = DynamoAttributeValue.FromString(pk),
        [SortKey] = DynamoAttributeValue.FromString(sk),
    };

    public static Dictionary<string, DynamoAttributeValue> Lock(string pipeline) => Item(PipelinePk(pipeline), "LOCK");

    public static Dictionary<string, DynamoAttributeValue> Champion(string pipeline) => Item(PipelinePk(pipeline), "CHAMPION");

    public static Dictionary<string, DynamoAttributeValue> TriggerCounter(string pipeline) => Item(PipelinePk(pipeline), "TRIGGER");

    /// <summary>The run item of the execution's <c>$.runId</c>.</summary>
    public static Dictionary<string, DynamoAttributeValue> Run(string pipeline) => Item(
        PipelinePk(pipeline), JsonPath.Format("RUN#{}", JsonPath.StringAt("$.runId")));

    /// <summary>The task-token item of a training job whose name is at <paramref name="jobNamePath"/>.</summary>
    public static Dictionary<string, DynamoAttributeValue> Token(string jobNamePath) => Item(
        JsonPath.Format("TOKEN#{}", JsonPath.StringAt(jobNamePath)), "TOKEN");

    public static readonly string ExecutionArn = JsonPath.StringAt("$$.Execution.Id");
    public static readonly string Now = JsonPath.StringAt("$$.State.EnteredTime");
}
