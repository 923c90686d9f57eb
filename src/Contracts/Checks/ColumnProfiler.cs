using System.Globalization;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Sketches;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Summarises one column during the pass in bounded memory: counts, min/max, mean and standard deviation
/// (Welford) for every column; a KLL quantile sketch for numeric columns that a quantile or numeric drift rule reads;
/// and value frequencies for columns that a categorical drift rule reads, while they have at most
/// <see cref="MaxCategories"/> distinct values (beyond that the column is not categorical and counting stops).
/// Sketches and frequencies are the expensive part of a cell, so columns no rule needs them for skip them.
/// </summary>
internal sealed class ColumnProfiler
{
    public const int MaxCategories = 1000;
    private static readonly double[] ProfileQuantiles = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    private readonly ColumnSpec column;
    private readonly KllSketch? sketch;
    private Dictionary<string, long>? textCategories;
    private Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> textLookup;
    private Dictionary<double, long>? numberCategories;
    private double mean;
    private double m2;

    public ColumnProfiler(ColumnSpec column, bool distribution, bool categories)
    {
        this.column = column;
        isText = column.Type is ColumnType.String;
        if (!isText && distribution) sketch = new KllSketch();
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

    private readonly bool isText;

    public ColumnSpec Column => column;
    public long Values { get; private set; }
    public long Nulls { get; private set; }
    public long Invalid { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public double Mean => Values == 0 ? double.NaN : mean;
    public double StdDev => Values < 2 ? double.NaN : Math.Sqrt(m2 / (Values - 1));
    public KllSketch? Sketch => sketch;

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
        var delta = number - mean;
        mean += delta / Values;
        m2 += delta * (number - mean);
        sketch?.Add(number);
        if (numberCategories is not null) CountNumber(number);
    }

    private void CountText(ReadOnlySpan<char> text)
    {
        if (textLookup.TryGetValue(text, out var count)) textLookup[text] = count + 1;
        else if (textCategories!.Count < MaxCategories) textLookup[text] = 1;
        else { textCategories = null; }
    }

    private void CountNumber(double number)
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(numberCategories!, number, out var existed);
        count++;
        if (!existed && numberCategories!.Count > MaxCategories) numberCategories = null;
    }

    /// <summary>Value frequencies (fractions of non-null values), or null when the column has too many distinct values.</summary>
    public Dictionary<string, double>? Categories()
    {
        if (Values == 0) return null;
        if (textCategories is not null) return textCategories.ToDictionary(x => x.Key, x => (double)x.Value / Values);
        return numberCategories?.ToDictionary(x => x.Key.ToString("R", CultureInfo.InvariantCulture), x => (double)x.Value / Values);
    }

    public ColumnProfile ToProfile(int bins)
    {
        var hasNumbers = !isText && Values > 0;
        double[]? edges = null;
        double[]? fractions = null;
        if (hasNumbers && sketch is not null)
        {
            edges = Enumerable.Range(1, bins - 1).Select(i => sketch!.Quantile((double)i / bins)).Distinct().Order().ToArray();
            fractions = new double[edges.Length + 1];
            var previous = 0.0;
            for (var i = 0; i < edges.Length; i++)
            {
                var rank = sketch!.Rank(edges[i]);
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
            Quantiles = hasNumbers && sketch is not null ? ProfileQuantiles.ToDictionary(q => q.ToString("0.##", CultureInfo.InvariantCulture), q => sketch!.Quantile(q)) : null,
            BinEdges = edges,
            BinFractions = fractions,
            Categories = Categories(),
        };
    }
}
