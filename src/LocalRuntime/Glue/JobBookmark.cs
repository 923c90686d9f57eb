namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// What a Glue job bookmark remembers for one job: the raw files earlier runs processed, identified like
/// S3 objects by key, size and last-modified time, so a changed file counts as new again.
/// </summary>
public sealed record JobBookmark(string JobName, int Version, string? LastRunId, IReadOnlyList<BookmarkedFile> Files)
{
    public static JobBookmark Empty(string jobName) => new(jobName, 0, null, []);

    public bool HasProcessed(RawFile file) =>
        Files.Any(f => f.Key == file.Key && f.Size == file.Size && f.LastModified == file.LastModified);

    /// <summary>The bookmark after a run that processed <paramref name="processed"/>.</summary>
    public JobBookmark Advance(string runId, IEnumerable<RawFile> processed)
    {
        var byKey = Files.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var file in processed) byKey[file.Key] = new BookmarkedFile(file.Key, file.Size, file.LastModified);
        return new JobBookmark(JobName, Version + 1, runId, byKey.Values.OrderBy(f => f.Key, StringComparer.Ordinal).ToList());
    }
}
