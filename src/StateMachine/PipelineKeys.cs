using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The single-table keys of WORKFLOW.md ("DynamoDB single table") as Step Functions task keys, built once so every
/// state agrees on them; the key strings themselves come from <see cref="TableKeys"/>.
/// </summary>
public static class PipelineKeys
{
    public const string PartitionKey = TableKeys.PartitionKey;
    public const string SortKey = TableKeys.SortKey;

    public static string PipelinePk(string pipeline) => TableKeys.Pipeline(pipeline);

    public static Dictionary<string, DynamoAttributeValue> Item(string pk, string sk) => new()
    {
        [PartitionKey] = DynamoAttributeValue.FromString(pk),
        [SortKey] = DynamoAttributeValue.FromString(sk),
    };

    public static Dictionary<string, DynamoAttributeValue> Lock(string pipeline) => Item(PipelinePk(pipeline), TableKeys.LockSortKey);

    public static Dictionary<string, DynamoAttributeValue> Champion(string pipeline) => Item(PipelinePk(pipeline), TableKeys.ChampionSortKey);

    public static Dictionary<string, DynamoAttributeValue> TriggerCounter(string pipeline) => Item(PipelinePk(pipeline), TableKeys.TriggerSortKey);

    /// <summary>The run item of the run id at <paramref name="runIdPath"/> (the execution's own <c>$.runId</c> by default).</summary>
    public static Dictionary<string, DynamoAttributeValue> Run(string pipeline, string runIdPath = "$.runId") => Item(
        PipelinePk(pipeline), JsonPath.Format(TableKeys.Run("{}"), JsonPath.StringAt(runIdPath)));

    /// <summary>The MODEL item of the run id at <paramref name="runIdPath"/>, in the evaluation Lambda's partition.</summary>
    public static Dictionary<string, DynamoAttributeValue> Model(string pipeline, string runIdPath) => Item(
        TableKeys.ModelPartition(pipeline), JsonPath.Format(TableKeys.Model("{}"), JsonPath.StringAt(runIdPath)));

    /// <summary>The PROFILE item of the run id at <paramref name="runIdPath"/>, in the validation Lambda's partition.</summary>
    public static Dictionary<string, DynamoAttributeValue> Profile(string pipeline, string runIdPath) => Item(
        TableKeys.ValidationPartition(pipeline), JsonPath.Format(TableKeys.Profile("{}"), JsonPath.StringAt(runIdPath)));

    /// <summary>The task-token item of a training job whose name is at <paramref name="jobNamePath"/>.</summary>
    public static Dictionary<string, DynamoAttributeValue> Token(string jobNamePath) => Item(
        JsonPath.Format(TableKeys.Token("{}"), JsonPath.StringAt(jobNamePath)), TableKeys.TokenSortKey);

    /// <summary>The orphan-event item of a training job whose name is at <paramref name="jobNamePath"/>.</summary>
    public static Dictionary<string, DynamoAttributeValue> Orphan(string pipeline, string jobNamePath) => Item(
        PipelinePk(pipeline), JsonPath.Format(TableKeys.Orphan("{}"), JsonPath.StringAt(jobNamePath)));

    public static readonly string ExecutionArn = JsonPath.StringAt("$$.Execution.Id");
    public static readonly string Now = JsonPath.StringAt("$$.State.EnteredTime");
}
