namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// The entity key: a column of the file (given with --key or recognised as a unique id), or one the scaffold adds to
/// the bundled sample (<see cref="Prefix"/> + zero-padded row number) when the table has none.
/// </summary>
internal sealed record KeyPlan(string Column, bool Added, string ContractType, string How)
{
    public const string AddedColumn = "row_id";
    public const string Prefix = "R";
    public int Digits { get; init; } = 6;
}
