using System.Globalization;
using System.Runtime.InteropServices;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Sketches;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Summarises one column during the pass in bounded memory: counts, min/max, and the exact sums of the values and
/// their squares (mean and standard deviation then do not depend on row order or on how the table was split); a
/// <see cref="ValueHistogram"/> for numeric columns that a quantile or numeric drift rule reads; and value
/// frequencies for columns that a categorical drift rule reads, while they have at most <see cref="MaxCategories"/>
/// distinct values (beyond that the column is not categorical and counting stops). Every part of it merges exactly.
/// </summary>
internal sealed partial class ColumnProfiler
{
    public const int MaxCategories = 1000;
    private const double SmallInteger = 1L << 31;
    private static readonly double[] ProfileQuantiles = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    private readonly ColumnSpec column;
    private readonly bool isText;
    private readonly ExactSum sum = new();
    private readonly ExactSum squares = new();
    private Dictionary<string, long>? textCategories;
    private Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> textLookup;
    private Dictionary<double, long>? numberCategories;
    private bool categoriesDropped;

    public ColumnProfiler(ColumnSpec column, bool distribution, bool categories)
    {
        this.column = column;
        isText = column.Type is ColumnType.String;
        if (!isText && distribution) Histogram = new ValueHistogram();
        if (categories && isText)
        {
            textCategories = new Dictionary<string, long>();
            textLookup = textCategories.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        else if (categories)
        {
            numberCategories = new Dictionary<double, long>();
        }
    }

    public ColumnSpec Column => column;
    public long Values { get; private set; }
    public long Nulls { get; private set; }
    public long Invalid { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public ValueHistogram? Histogram { get; }

    public double Mean => Values == 0 ? double.NaN : sum.ToDouble() / Values;

    /// <summary>Sample standard deviation from the exact sums: (Σx² − (Σx)²/n) / (n − 1) in double-double arithmetic.</summary>
    public double StdDev
    {
        get
        {
            if (Values < 2) return double.NaN;
            var (s, sLow) = sum.ToDoubleDouble();
            var (q, qLow) = squares.ToDoubleDouble();
            var square = s * s;
            var squareLow = Math.FusedMultiplyAdd(s, s, -square) + 2 * s * sLow;
            var n = (double)Values;
            var quotient = square / n;
            var remainder = Math.FusedMultiplyAdd(-quotient, n, square);
            var deviation = (q - quotient) + (qLow - (remainder + squareLow) / n);
            return Math.Sqrt(Math.Max(0, deviation) / (Values - 1));
        }
    }

    public void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state == CellState.Null) { Nulls++; return; }
        if (state == CellState.Invalid) { Invalid++; return; }
        Values++;
        if (isText)
        {
            if (textCategories is not null) CountText(text);
            return;
        }
        if (number < Min) Min = number;
        if (number > Max) Max = number;
        var integer = (long)number;
        if (integer == number && number is > -SmallInteger and < SmallInteger)
        {
            sum.AddInteger(integer);
            squares.AddSquare(number, integer, true);
        }
        else
        {
            sum.Add(number);
            squares.AddSquare(number, 0, false);
        }
        Histogram?.Add(number);
        if (numberCategories is not null) CountNumber(number);
    }

    private void CountText(ReadOnlySpan<char> text)
    {
        if (textLookup.TryGetValue(text, out var count)) textLookup[text] = count + 1;
        else if (textCategories!.Count < MaxCategories) textLookup[text] = 1;
        else DropCategories();
    }

    private void CountNumber(double number)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(numberCategories!, number, out var existed);
        count++;
        if (!existed && numberCategories!.Count > MaxCategories) DropCategories();
    }

    private void DropCategories()
    {
        textCategories = null;
        numberCategories = null;
        categoriesDropped = true;
    }

    /// <summary>Value frequencies (fractions of non-null values), or null when the column has too many distinct values.</summary>
    public Dictionary<string, double>? Categories()
    {
        if (Values == 0) return null;
        if (textCategories is not null) return textCategories.ToDictionary(x => x.Key, x => (double)x.Value / Values);
        return numberCategories?.ToDictionary(x => NumberKey(x.Key), x => (double)x.Value / Values);
    }

    private static string NumberKey(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public PartialColumn Export()
    {
        var buckets = Histogram?.Sorted();
        Dictionary<string, long>? categories = textCategories is not null ? new(textCategories)
            : numberCategories?.ToDictionary(x => NumberKey(x.Key), x => x.Value);
        return new PartialColumn
        {
            Name = column.Name,
            Values = Values,
            Nulls = Nulls,
            Invalid = Invalid,
            Min = Values > 0 && !isText ? Min : null,
            Max = Values > 0 && !isText ? Max : null,
            Sum = isText ? null : sum.Export(),
            SumOfSquares = isText ? null : squares.Export(),
            HistogramShift = Histogram?.Shift,
            HistogramBuckets = buckets?.Select(b => b.Bucket).ToArray(),
            HistogramCounts = buckets?.Select(b => b.Count).ToArray(),
            Categories = categories,
            CategoriesDropped = categoriesDropped,
        };
    }

    /// <summary>Adds another part's state of this column, as if its rows had been observed here.</summary>
    public void Absorb(PartialColumn part)
    {
        Values += part.Values;
        Nulls += part.Nulls;
        Invalid += part.Invalid;
        if (part.Min is { } min && min < Min) Min = min;
        if (part.Max is { } max && max > Max) Max = max;
        if (part.Sum is not null) sum.Merge(ExactSum.Import(part.Sum));
        if (part.SumOfSquares is not null) squares.Merge(ExactSum.Import(part.SumOfSquares));
        if (Histogram is not null && part.HistogramBuckets is not null)
        {
            Histogram.Merge(ValueHistogram.FromBuckets(part.HistogramShift ?? 0, part.HistogramBuckets, part.HistogramCounts ?? []));
        }
        if (part.CategoriesDropped) DropCategories();
        if (part.Categories is null) return;
        foreach (var (key, count) in part.Categories)
        {
            if (textCategories is not null) CollectionsMarshal.GetValueRefOrAddDefault(textCategories, key, out _) += count;
            else if (numberCategories is not null) CollectionsMarshal.GetValueRefOrAddDefault(numberCategories, double.Parse(key, CultureInfo.InvariantCulture), out _) += count;
        }
        if ((textCategories?.Count ?? numberCategories?.Count ?? 0) > MaxCategories) DropCategories();
    }

    public ColumnProfile ToProfile(int bins)
    {
        var hasNumbers = !isText && Values > 0;
        double[]? edges = null;
        double[]? fractions = null;
        var histogram = Histogram;
        if (hasNumbers && histogram is not null)
        {
            edges = Enumerable.Range(1, bins - 1).Select(i => histogram.Quantile((double)i / bins)).Distinct().Order().ToArray();
            fractions = new double[edges.Length + 1];
            var previous = 0.0;
            for (var i = 0; i < edges.Length; i++)
            {
                var rank = histogram.Rank(edges[i]);
                fractions[i] = rank - previous;
                previous = rank;
            }
            fractions[^1] = 1 - previous;
        }
        return new ColumnProfile
        {
            Type = column.Type.ToString().ToLowerInvariant(),
            Values = Values,
            Nulls = Nulls,
            Invalid = Invalid,
            Min = hasNumbers ? Min : null,
            Max = hasNumbers ? Max : null,
            Mean = hasNumbers ? Mean : null,
            StdDev = hasNumbers && Values > 1 ? StdDev : null,
            Quantiles = hasNumbers && histogram is not null ? ProfileQuantiles.ToDictionary(q => q.ToString("0.##", CultureInfo.InvariantCulture), q => histogram.Quantile(q)) : null,
            BinEdges = edges,
            BinFractions = fractions,
            Categories = Categories(),
        };
    }
}
