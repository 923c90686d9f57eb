namespace TrainingOrchestration.Tasks.Ports;

/// <summary>Partition and sort keys of the single table, as listed in WORKFLOW.md.</summary>
public static class TableKeys
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string ChampionSortKey = "CHAMPION";

    public static string Pipeline(string pipeline) => $"PIPELINE#{pipeline}";
    public static string Model(string runId) => $"MODEL#{runId}";
}
