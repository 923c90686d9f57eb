using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Sketches;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// A column vector observed at once (a Parquet row group's cells of this column, in row order): the same counts,
/// min/max, histogram and category updates in the same order as <see cref="Observe"/> per cell, and the same exact sums,
/// with small integers (the common case) and their squares added up in 64-bit locals and handed over in one exact add
/// (the sums are exact, so the grouping does not change them).
/// </summary>
internal sealed partial class ColumnProfiler
{
    /// <summary>Small integers summed locally before an exact add: 2^16 squares below 2^42 stay under 2^58.</summary>
    private const int LocalBatch = 1 << 16;

    public void ObserveNumbers(ReadOnlySpan<CellState> states, ReadOnlySpan<double> numbers)
    {
        if (isText)
        {
            for (var i = 0; i < states.Length; i++) Observe(states[i], numbers[i], default);
            return;
        }
        long values = 0, nulls = 0, invalid = 0, smallSum = 0, smallSquares = 0;
        var pending = 0;
        var min = Min;
        var max = Max;
        var histogram = Histogram;
        for (var i = 0; i < states.Length; i++)
        {
            var state = states[i];
            if (state == CellState.Null) { nulls++; continue; }
            if (state == CellState.Invalid) { invalid++; continue; }
            values++;
            var number = numbers[i];
            if (number < min) min = number;
            if (number > max) max = number;
            var integer = (long)number;
            if (integer == number && integer is > -ExactSum.Small and < ExactSum.Small)
            {
                smallSum += integer;
                smallSquares += integer * integer;
                if (++pending == LocalBatch)
                {
                    sum.AddIntegerTotal(smallSum);
                    squares.AddIntegerTotal(smallSquares);
                    smallSum = smallSquares = 0;
                    pending = 0;
                }
            }
            else if (integer == number && number is > -SmallInteger and < SmallInteger)
            {
                sum.AddInteger(integer);
                squares.AddSquare(number, integer, true);
            }
            else
            {
                sum.Add(number);
                squares.AddSquare(number, 0, false);
            }
            histogram?.Add(number);
            if (numberCategories is not null) CountNumber(number);
        }
        sum.AddIntegerTotal(smallSum);
        squares.AddIntegerTotal(smallSquares);
        Values += values;
        Nulls += nulls;
        Invalid += invalid;
        Min = min;
        Max = max;
    }

    /// <summary>A text column's cells when no category is counted: only how many were null and how many values.</summary>
    public bool CountsTextsOnly => isText && textCategories is null;

    public void AddTextCounts(long values, long nulls)
    {
        Values += values;
        Nulls += nulls;
    }
}
