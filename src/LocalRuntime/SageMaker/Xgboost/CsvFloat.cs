using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// A CSV cell as a float, exactly as <c>float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture)</c> reads
/// it, with NaN for a cell that is not a number; the plain decimals channels hold (<c>-12</c>, <c>29.85</c>,
/// <c>0.5</c>) skip the general parser. For those, Clinger's fast path gives the correctly rounded float the general
/// parser gives: a mantissa of at most 2^24 and a power of ten of at most 10^10 are both exact floats, and one IEEE
/// division of two exact floats is correctly rounded. Anything else (more digits, exponents, signs other than one
/// leading '-', spaces, words) goes to the general parser.
/// </summary>
public static class CsvFloat
{
    private static readonly float[] PowersOfTen = [1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    public static float Parse(ReadOnlySpan<char> cell)
    {
        if (TryPlainDecimal(cell, out var value)) return value;
        return float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : float.NaN;
    }

    private static bool TryPlainDecimal(ReadOnlySpan<char> cell, out float value)
    {
        value = 0;
        var i = 0;
        var negative = cell.Length > 0 && cell[0] == '-';
        if (negative) i++;
        uint mantissa = 0;
        var digits = 0;
        var fraction = -1; // digits after the point; -1 before a point is seen
        for (; i < cell.Length; i++)
        {
            var c = cell[i];
            if ((uint)(c - '0') <= 9)
            {
                mantissa = mantissa * 10 + (uint)(c - '0');
                if (mantissa > (1u << 24)) return false; // also keeps the product above from overflowing
                digits++;
                if (fraction >= 0) fraction++;
            }
            else if (c == '.' && fraction < 0) fraction = 0;
            else return false;
        }
        var scale = Math.Max(fraction, 0);
        if (digits == 0 || scale >= PowersOfTen.Length) return false;
        var magnitude = scale == 0 ? mantissa : mantissa / PowersOfTen[scale];
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
