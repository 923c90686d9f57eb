namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>What a profiled column's values look like, which decides how <c>features.sql</c> encodes it.</summary>
internal enum ColumnKind
{
    /// <summary>Optional sign and digits only.</summary>
    Integer,
    /// <summary>Invariant-culture decimals (some values have a fraction or an exponent).</summary>
    Decimal,
    /// <summary>Two values from the yes/no, true/false, y/n, t/f vocabulary.</summary>
    YesNo,
    /// <summary>Few distinct text values: one-hot encoded.</summary>
    Category,
    /// <summary>ISO 8601 dates or timestamps: left for a person to derive features from.</summary>
    Timestamp,
    /// <summary>Free text or identifiers with many distinct values: not a feature.</summary>
    Text,
    /// <summary>Every value is empty.</summary>
    Empty,
}
