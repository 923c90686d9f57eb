using System.Globalization;
using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// Coerces a field's text to its column's logical type. Deliberately strict, so that what passes here is what
/// Spark, DuckDB and XGBoost read the same way (full rules in <c>src/Contracts/README.md</c>):
/// integers are an optional sign and digits; decimals add a '.' fraction and an exponent (no thousands separators,
/// no surrounding spaces, no NaN or infinity); booleans are true/false/1/0 in any case; timestamps are ISO 8601
/// (T or space, optional fraction, Z or offset, none meaning UTC); dates are yyyy-MM-dd. Numbers are exposed as
/// double (integers beyond 2^53 lose precision in numeric rules only), booleans as 1/0, timestamps and dates as
/// Unix milliseconds UTC.
/// </summary>
public static class CellCoercion
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mmK",
    ];

    public static CellState Coerce(ReadOnlySpan<char> text, ColumnType type, out double number) => type switch
    {
        ColumnType.String => Text(out number),
        ColumnType.Integer => Integer(text, out number),
        ColumnType.Decimal => Decimal(text, out number),
        ColumnType.Boolean => Boolean(text, out number),
        ColumnType.Timestamp => Timestamp(text, out number),
        ColumnType.Date => Date(text, out number),
        _ => Unknown(out number),
    };

    // One method per type, so that a column scan (ScanPlan.CsvBatches) can pick the type's method once per column and
    // call it per cell: the same code as Coerce, so the same results.

    private static CellState Text(out double number)
    {
        number = double.NaN;
        return CellState.Value;
    }

    private static CellState Unknown(out double number)
    {
        number = double.NaN;
        return CellState.Invalid;
    }

    internal static CellState Integer(ReadOnlySpan<char> text, out double number)
    {
        if (!FastNumberParser.TryParseInteger(text, out var integer))
        {
            number = double.NaN;
            return CellState.Invalid;
        }
        number = integer;
        return CellState.Value;
    }

    internal static CellState Decimal(ReadOnlySpan<char> text, out double number)
    {
        if (!FastNumberParser.TryParseDecimal(text, out number) || !double.IsFinite(number) || !StartsLikeNumber(text))
        {
            number = double.NaN;
            return CellState.Invalid;
        }
        return CellState.Value;
    }

    internal static CellState Boolean(ReadOnlySpan<char> text, out double number)
    {
        if (text.Length == 1 && text[0] is '0' or '1') { number = text[0] - '0'; return CellState.Value; }
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) { number = 1; return CellState.Value; }
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) { number = 0; return CellState.Value; }
        number = double.NaN;
        return CellState.Invalid;
    }

    internal static CellState Timestamp(ReadOnlySpan<char> text, out double number)
    {
        number = double.NaN;
        if (!DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)) return CellState.Invalid;
        number = instant.ToUnixTimeMilliseconds();
        return CellState.Value;
    }

    internal static CellState Date(ReadOnlySpan<char> text, out double number)
    {
        number = double.NaN;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return CellState.Invalid;
        number = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        return CellState.Value;
    }

    /// <summary>.NET accepts "NaN"/"∞" symbols even without style flags; a number must start with a sign, digit or '.'.</summary>
    private static bool StartsLikeNumber(ReadOnlySpan<char> text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.');

    /// <summary>Formats a coerced number back as the column's type for messages and examples.</summary>
    public static string Format(double number, ColumnType type) => type switch
    {
        ColumnType.Timestamp => DateTimeOffset.FromUnixTimeMilliseconds((long)number).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ColumnType.Date => DateTimeOffset.FromUnixTimeMilliseconds((long)number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ColumnType.Boolean => number != 0 ? "true" : "false",
        _ => number.ToString("G10", CultureInfo.InvariantCulture),
    };
}
