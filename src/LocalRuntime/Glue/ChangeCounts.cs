namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// What a run's change merge did with the change records it read: <see cref="Received"/> = duplicates + stale +
/// inserted + updated + deleted + tombstones. Inserted counts inserts and snapshot reads (Debezium <c>r</c>, DMS full
/// load, CSV seed rows); tombstones are Kafka tombstones that only repeat a delete already applied.
/// </summary>
public sealed record ChangeCounts(long Received, long Duplicates, long Stale, long Inserted, long Updated, long Deleted, long Tombstones)
{
    public static ChangeCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
