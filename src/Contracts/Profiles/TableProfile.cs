namespace TrainingOrchestration.Contracts.Profiles;

/// <summary>
/// What an accepted run's table looked like, produced by the same pass that validated it. Stored as
/// <c>PROFILE#ACCEPTED</c>; the next run's drift and row-count-change rules compare against it.
/// </summary>
public sealed record TableProfile
{
    public string? RunId { get; init; }
    public string? ContractVersion { get; init; }
    public required long RowCount { get; init; }
    public required DateTimeOffset ProfiledAt { get; init; }
    public required Dictionary<string, ColumnProfile> Columns { get; init; }
}
