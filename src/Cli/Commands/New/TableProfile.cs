namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>The profile of a whole CSV file: its columns in file order and its row count.</summary>
internal sealed record TableProfile(string File, long Rows, IReadOnlyList<ColumnProfile> Columns)
{
    public ColumnProfile? Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
