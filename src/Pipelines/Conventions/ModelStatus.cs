namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>Values of the MODEL item's <c>status</c> attribute (WORKFLOW.md "DynamoDB single table"); not keys, though <see cref="Champion"/> reads like <see cref="TableKeys.ChampionSortKey"/>.</summary>
public static class ModelStatus
{
    public const string Candidate = "CANDIDATE";
    public const string Champion = "CHAMPION";
    public const string Retired = "RETIRED";
    public const string Rejected = "REJECTED";
}
