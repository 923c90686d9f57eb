using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>The current row's coerced cells by contract column, filled once per row and shared by row checks.</summary>
internal sealed class RowValues(int columns) : IRowValues
{
    public CellState[] States { get; } = new CellState[columns];
    public double[] Numbers { get; } = new double[columns];
    public int[] FileIndex { get; } = new int[columns];
    public TableReader? Reader { get; set; }

    public CellState State(int column) => States[column];

    public double Number(int column) => Numbers[column];

    public ReadOnlySpan<char> Text(int column)
    {
        var index = FileIndex[column];
        if (index < 0 || Reader is null) return default;
        var text = Reader.RawText(index);
        return text.IsEmpty && States[column] != CellState.Null ? Reader.Describe(index) : text;
    }
}
