using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// <c>expression</c> rules over a Parquet row group a block of rows at a time: the predicate's vector form
/// (<see cref="VectorPredicate"/>) finds the block's false rows from its columns' vectors (<see cref="RowBlock"/>), and
/// only those rows are read into <see cref="Row"/> and reported, with the same text, row and order as row by row.
/// </summary>
internal sealed partial class ScanPlan
{
    /// <summary>Numbers the row groups the plan has seen, so a per-dictionary-entry result is kept for one group only.</summary>
    private long rowGroupSerial;
    private RowBlock? rowBlock;
    private readonly int[] falseRows = new int[VectorNode.BlockRows];

    /// <summary>
    /// True when the vector form reads these columns as the row does: a string column must be text in the file (a string
    /// column over a numeric Parquet column takes its text from the number's description, which the row form does).
    /// </summary>
    private bool VectorReads(ParquetTableReader reader, int[] columns)
    {
        foreach (var c in columns)
        {
            var step = steps[c];
            if (step.Type == ColumnType.String && step.Index >= 0 && !reader.Column(step.Index).IsText) return false;
        }
        return true;
    }

    private void ObserveExpression(ExpressionCheck expression, ParquetTableReader reader, int rows, ScanPosition position, long first, int[] columns)
    {
        var block = rowBlock ??= new RowBlock(steps);
        var predicate = expression.Vector;
        for (var start = 0; start < rows; start += VectorNode.BlockRows)
        {
            block.Load(reader, rowGroupSerial, start, Math.Min(VectorNode.BlockRows, rows - start), columns);
            var count = predicate.FindFalse(block, falseRows);
            for (var k = 0; k < count; k++)
            {
                var i = start + falseRows[k];
                position.Row = first + i + 1;
                LoadRow(reader, columns, i);
                expression.ReportFalse(Row);
            }
        }
    }
}
