using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>The current row's coerced values, by contract column index, as expressions read them.</summary>
public interface IRowValues
{
    CellState State(int column);
    /// <summary>The numeric value (integers, decimals, booleans as 1/0, timestamps and dates as Unix milliseconds).</summary>
    double Number(int column);
    ReadOnlySpan<char> Text(int column);
}
