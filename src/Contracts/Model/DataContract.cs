namespace TrainingOrchestration.Contracts.Model;

/// <summary>
/// A pipeline's data contract: the columns of its feature table and the rules their values must satisfy.
/// Produced only by <see cref="ContractLoader"/>, so every instance has been checked for internal consistency
/// (rules refer to declared columns of a compatible type, thresholds are well formed, expressions parse).
/// </summary>
public sealed record DataContract
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string SourceFile { get; init; }
    public required IReadOnlyList<ColumnSpec> Columns { get; init; }
    public required SchemaSpec Schema { get; init; }
    public required IReadOnlyList<RuleSpec> Rules { get; init; }
    /// <summary>Texts read as null in CSV (the empty field always is).</summary>
    public required IReadOnlyList<string> NullValues { get; init; }
    /// <summary>The delimiter and quote of the pipeline's CSV files, declared (<c>csv:</c>), never sniffed.</summary>
    public CsvDialect Csv { get; init; } = CsvDialect.Default;
    /// <summary>How many failing rows each rule outcome quotes as examples.</summary>
    public int ExampleRows { get; init; } = 5;

    public ColumnSpec? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
