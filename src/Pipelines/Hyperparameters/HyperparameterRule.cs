using System.Globalization;

namespace TrainingOrchestration.Pipelines.Hyperparameters;

/// <summary>
/// What one XGBoost hyperparameter accepts: a numeric range (with open or closed ends, integer or real) or a set
/// of values, and the value XGBoost 1.7 uses when it is absent (<see cref="Default"/>, null when there is none or it
/// depends on other parameters). <see cref="Problem"/> returns null for an acceptable value and a sentence naming the
/// range otherwise.
/// </summary>
public sealed record HyperparameterRule(
    string Name,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    bool MinOpen = false,
    bool MaxOpen = false,
    bool Integer = false,
    IReadOnlyList<string>? Values = null,
    bool FreeText = false,
    string? Default = null)
{
    public static HyperparameterRule Real(string name, double min, double max = double.PositiveInfinity,
        bool minOpen = false, bool maxOpen = false, string? defaultValue = null) => new(name, min, max, minOpen, maxOpen, Default: defaultValue);

    public static HyperparameterRule Whole(string name, double min, double max = double.PositiveInfinity,
        bool minOpen = false, bool maxOpen = false, string? defaultValue = null) =>
        new(name, min, max, minOpen, maxOpen, Integer: true, Default: defaultValue);

    public static HyperparameterRule OneOf(string name, string[] values, string? defaultValue = null) =>
        new(name, Values: values, Default: defaultValue);

    public static HyperparameterRule Text(string name) => new(name, FreeText: true);

    public string? Problem(string value)
    {
        if (FreeText) return null;
        if (Values is not null)
            return Values.Contains(value) ? null : $"'{value}' is not one of {string.Join(", ", Values)}.";
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            return $"expected {(Integer ? "an integer" : "a number")} in {Range} but found '{value}'.";
        if (Integer && Math.Floor(x) != x) return $"expected an integer in {Range} but found '{value}'.";
        var belowMin = MinOpen ? x <= Min : x < Min;
        var aboveMax = MaxOpen ? x >= Max : x > Max;
        return belowMin || aboveMax ? $"{value} is outside {Range}." : null;
    }

    public string Range =>
        (MinOpen ? "(" : "[") + Format(Min) + ", " + Format(Max) + (MaxOpen || double.IsPositiveInfinity(Max) ? ")" : "]");

    private static string Format(double x) =>
        double.IsPositiveInfinity(x) ? "∞" : double.IsNegativeInfinity(x) ? "-∞" : x.ToString(CultureInfo.InvariantCulture);
}
