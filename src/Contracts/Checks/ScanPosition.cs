namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Where the single pass is: the current file and its 1-based data row, shared by all checks for examples.</summary>
internal sealed class ScanPosition
{
    public string? File { get; set; }
    public int FileIndex { get; set; }
    public long Row { get; set; }
}
