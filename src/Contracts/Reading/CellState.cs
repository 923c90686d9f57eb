namespace TrainingOrchestration.Contracts.Reading;

/// <summary>What a field held after coercion to its column's type.</summary>
public enum CellState : byte
{
    /// <summary>Empty field, a configured null text, or a Parquet null.</summary>
    Null,
    /// <summary>Coerced to the column's type.</summary>
    Value,
    /// <summary>Present but not coercible to the column's type (reported by the column's type rule).</summary>
    Invalid,
}
