using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// How the label is encoded. Binary: how it becomes 0/1: the source values meaning positive and negative, and the lower-case spellings the SQL
/// accepts for each (DuckDB's CSV reader turns Yes/No columns into BOOLEAN, so 'true'/'false' count as well).
/// A value outside both lists becomes NULL, which the contract's not_null rule reports, never a silent 0.
/// Regression: the value cast to DOUBLE (<see cref="Min"/>..<see cref="Max"/> in the sample). Multi-class: each of
/// <see cref="Classes"/> mapped to its index 0..K-1, the codes multi:softprob trains on.
/// </summary>
internal sealed record LabelPlan(string Column, string Positive, string Negative, long PositiveCount, long NegativeCount)
{
    public ProblemType Type { get; init; } = ProblemType.Binary;
    /// <summary>Multi-class: the source values in class order (index = code), with their counts in the sample.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Classes { get; init; } = [];
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? Median { get; init; }

    public static LabelPlan Regression(string column, ColumnProfile profile) =>
        new(column, "", "", 0, 0) { Type = ProblemType.Regression, Min = profile.Min, Max = profile.Max, Median = profile.Median };

    public static LabelPlan Multiclass(string column, IReadOnlyList<KeyValuePair<string, long>> classes) =>
        new(column, "", "", 0, 0) { Type = ProblemType.Multiclass, Classes = classes };

    /// <summary>The share of the most frequent class (multi-class).</summary>
    public double MajorityRate => Classes.Count == 0 ? 0 : (double)Classes.Max(c => c.Value) / Classes.Sum(c => c.Value);

    /// <summary>One line for the console and the README: how the label is encoded.</summary>
    public string Describe() => Type switch
    {
        ProblemType.Regression => $"{Column}: regression on the value ({FeatureEncoder.Number(Min ?? 0)} to {FeatureEncoder.Number(Max ?? 0)} in the sample)",
        ProblemType.Multiclass => $"{Column}: {Classes.Count} classes, " + string.Join(", ", Classes.Select((c, i) => $"'{c.Key}' -> {i}")),
        _ => $"{Column}: '{Positive}' -> 1, '{Negative}' -> 0 ({PositiveRate.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)} positive)",
    };

    private static readonly Dictionary<string, string> BooleanSpelling = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yes"] = "true", ["y"] = "true", ["t"] = "true", ["1"] = "true",
        ["no"] = "false", ["n"] = "false", ["f"] = "false", ["0"] = "false",
    };

    public IReadOnlyList<string> PositiveForms => Forms(Positive);
    public IReadOnlyList<string> NegativeForms => Forms(Negative);
    public double PositiveRate => (double)PositiveCount / (PositiveCount + NegativeCount);

    private static IReadOnlyList<string> Forms(string value)
    {
        var lower = value.Trim().ToLowerInvariant();
        var forms = new List<string> { lower };
        if (BooleanSpelling.TryGetValue(lower, out var boolean) && boolean != lower) forms.Add(boolean);
        return forms;
    }
}
