namespace TrainingOrchestration.Contracts.Validation;

/// <summary>One file of the table: its name for reports, its size, and how to open it for reading.</summary>
public sealed record TableSource(string Name, long Bytes, Func<CancellationToken, Task<Stream>> Open)
{
    public bool IsParquet => Name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}
