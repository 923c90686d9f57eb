using System.Globalization;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// Number parsing for the common shapes in feature tables (<c>42</c>, <c>-7</c>, <c>29.85</c>) without the general
/// culture-aware parser, falling back to it for anything else. The decimal fast path is Clinger's: with at most 15
/// significant digits and 15 fraction digits, mantissa and power of ten are exact doubles, so one division gives the
/// correctly rounded result — the same value <see cref="double.Parse(string)"/> returns.
/// </summary>
internal static class FastNumberParser
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly double[] PowersOfTen =
        [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    public static bool TryParseInteger(ReadOnlySpan<char> text, out long value)
    {
        var start = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        var digits = text.Length - start;
        if (digits is < 1 or > 18) return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        long result = 0;
        for (var i = start; i < text.Length; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9) { value = 0; return false; }
            result = result * 10 + d;
        }
        value = start == 1 && text[0] == '-' ? -result : result;
        return true;
    }

    public static bool TryParseDecimal(ReadOnlySpan<char> text, out double value)
    {
        if (TryFast(text, out value)) return true;
        return double.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryFast(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        var negative = i == 1 && text[0] == '-';
        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                if (fraction >= 0) return false;
                fraction = 0;
                continue;
            }
            var d = (uint)(c - '0');
            if (d > 9) return false; // exponent, symbols or garbage: the general parser decides
            if (++digits > 15) return false;
            mantissa = mantissa * 10 + d;
            if (fraction >= 0) fraction++;
        }
        if (digits == 0) return false;
        var result = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        value = negative ? -result : result;
        return true;
    }
}
