using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>Train/validation/test fractions of the hash split; they must sum to 1.</summary>
public sealed record SplitFractions(double Train, double Validation, double Test)
{
    public static SplitFractions Default { get; } = new(0.7, 0.2, 0.1);

    /// <summary>Parses <c>--split</c> as <c>train,validation,test</c>, e.g. <c>0.7,0.2,0.1</c>.</summary>
    public static SplitFractions Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        var ok = parts.Length == 3;
        for (var i = 0; ok && i < 3; i++)
        {
            ok = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && values[i] >= 0;
        }
        if (!ok || Math.Abs(values.Sum() - 1.0) > 1e-9)
        {
            throw new FeatureJobException(
                $"--split '{text}' must be three non-negative fractions train,validation,test that sum to 1 (e.g. 0.7,0.2,0.1)");
        }
        return new SplitFractions(values[0], values[1], values[2]);
    }
}
