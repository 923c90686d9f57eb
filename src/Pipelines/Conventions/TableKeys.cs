namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// The keys of the single DynamoDB table (WORKFLOW.md "DynamoDB single table"): every pipeline item lives under
/// <c>PIPELINE#&lt;p&gt;</c> and is told apart by its sort key; a task-token item lives under
/// <c>TOKEN#&lt;trainingJobName&gt;</c> so the callback workflow finds it from the SageMaker event alone.
/// The workflows, the Lambdas, the local runtime and the CLI all read them from here.
/// </summary>
public static class TableKeys
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";

    public const string PipelinePrefix = "PIPELINE#";
    public const string RunPrefix = "RUN#";
    public const string ModelPrefix = "MODEL#";
    public const string ValidationPrefix = "VALIDATION#";
    public const string DecisionPrefix = "DECISION#";
    public const string OrphanPrefix = "ORPHAN#";
    public const string TokenPrefix = "TOKEN#";
    /// <summary>A run's profile of a table that passed validation (<c>PROFILE#&lt;runId&gt;</c>); promotion copies it to <see cref="AcceptedProfileSortKey"/>.</summary>
    public const string ProfilePrefix = "PROFILE#";
    /// <summary>A recorded rollback of the champion (<c>ROLLBACK#&lt;ISO time&gt;</c>).</summary>
    public const string RollbackPrefix = "ROLLBACK#";

    public const string LockSortKey = "LOCK";
    public const string ChampionSortKey = "CHAMPION";
    public const string TriggerSortKey = "TRIGGER";
    public const string TokenSortKey = "TOKEN";
    public const string AcceptedProfileSortKey = ProfilePrefix + "ACCEPTED";

    /// <summary>The partition key of every item of <paramref name="pipeline"/>.</summary>
    public static string Pipeline(string pipeline) => PipelinePrefix + pipeline;

    public static string Run(string runId) => RunPrefix + runId;

    public static string Model(string runId) => ModelPrefix + runId;

    public static string Validation(string runId) => ValidationPrefix + runId;

    public static string Profile(string runId) => ProfilePrefix + runId;

    public static string Rollback(string at) => RollbackPrefix + at;

    public static string Orphan(string trainingJobName) => OrphanPrefix + trainingJobName;

    /// <summary>The partition key of a training job's task-token item.</summary>
    public static string Token(string trainingJobName) => TokenPrefix + trainingJobName;

    /// <summary>The run id of a run item's sort key (<c>RUN#&lt;runId&gt;</c>).</summary>
    public static string RunIdOf(string runSortKey) =>
        runSortKey.StartsWith(RunPrefix, StringComparison.Ordinal)
            ? runSortKey[RunPrefix.Length..]
            : throw new ArgumentException($"'{runSortKey}' is not a run sort key ({RunPrefix}<runId>)", nameof(runSortKey));
}
