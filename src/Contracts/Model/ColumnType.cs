namespace TrainingOrchestration.Contracts.Model;

/// <summary>
/// The logical type a contract gives a column. Values are coerced from their text (CSV) or physical type
/// (Parquet) by <see cref="Reading.CellCoercion"/>; the rules are listed in <c>src/Contracts/README.md</c>.
/// </summary>
public enum ColumnType
{
    String,
    Integer,
    Decimal,
    Boolean,
    Timestamp,
    Date,
}
