using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// A prediction written as the container writes it: <c>str()</c> of the Python float that <c>numpy.tolist()</c>
/// makes of XGBoost's float32 output (the shortest text that reads back to the same double: <c>0.8999999761581421</c>,
/// <c>1e-05</c>, <c>2.0</c>), and a per-class row as <c>str()</c> of a list: <c>[0.1, 0.2, 0.7]</c>.
/// </summary>
public static class PythonFloat
{
    public static string Format(float value)
    {
        double d = value;
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        if (e < 0) return text.Contains('.') ? text : text + ".0";
        // .NET writes 1E-05 / 1.5E+16; Python writes 1e-05 / 1.5e+16, with at least two exponent digits.
        var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return text[..e] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    public static string FormatList(ReadOnlySpan<float> values)
    {
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++) parts[i] = Format(values[i]);
        return "[" + string.Join(", ", parts) + "]";
    }
}
