namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// The keys of the single DynamoDB table (WORKFLOW.md "DynamoDB single table"): the workflows' items of a pipeline live
/// under <c>PIPELINE#&lt;p&gt;</c> and are told apart by their sort key; the items a task Lambda writes live in a
/// partition of their own (<see cref="ValidationPartition"/>, <see cref="ModelPartition"/>), because IAM can scope a
/// role to partition keys (<c>dynamodb:LeadingKeys</c>) but not to sort keys, so only a partition of its own keeps a
/// Lambda's PutItem off CHAMPION and LOCK. A task-token item lives under <c>TOKEN#&lt;trainingJobName&gt;</c> so the
/// callback workflow finds it from the SageMaker event alone. The workflows, the Lambdas, the local runtime and the
/// CLI all read them from here.
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

    /// <summary>Ends the partition key of the items the validation Lambda writes (<c>PIPELINE#&lt;p&gt;#VALIDATION</c>).</summary>
    public const string ValidationPartitionSuffix = "#VALIDATION";
    /// <summary>Ends the partition key of the items the evaluation Lambda writes (<c>PIPELINE#&lt;p&gt;#MODEL</c>).</summary>
    public const string ModelPartitionSuffix = "#MODEL";

    /// <summary>
    /// The partition key of the workflows' items of <paramref name="pipeline"/> (LOCK, CHAMPION, TRIGGER, RUN#, DECISION#,
    /// ORPHAN#, ROLLBACK#, PROFILE#ACCEPTED): no task Lambda may write here.
    /// </summary>
    public static string Pipeline(string pipeline) => PipelinePrefix + pipeline;

    /// <summary>
    /// The partition of what the validation Lambda writes: <c>VALIDATION#&lt;runId&gt;</c> and <c>PROFILE#&lt;runId&gt;</c>.
    /// Pipeline names are letters, digits and hyphens, so no pipeline's own partition can end with this suffix.
    /// </summary>
    public static string ValidationPartition(string pipeline) => Pipeline(pipeline) + ValidationPartitionSuffix;

    /// <summary>The partition of what the evaluation Lambda writes: <c>MODEL#&lt;runId&gt;</c> (the workflow moves their status).</summary>
    public static string ModelPartition(string pipeline) => Pipeline(pipeline) + ModelPartitionSuffix;

    /// <summary>Every partition that holds items of <paramref name="pipeline"/>, the workflows' own first.</summary>
    public static IReadOnlyList<string> Partitions(string pipeline) => [Pipeline(pipeline), ValidationPartition(pipeline), ModelPartition(pipeline)];

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
