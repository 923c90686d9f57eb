namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// How the label becomes 0/1: the source values meaning positive and negative, and the lower-case spellings the SQL
/// accepts for each (DuckDB's CSV reader turns Yes/No columns into BOOLEAN, so 'true'/'false' count as well).
/// A value outside both lists becomes NULL, which the contract's not_null rule reports, never a silent 0.
/// </summary>
internal sealed record LabelPlan(string Column, string Positive, string Negative, long PositiveCount, long NegativeCount)
{
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
