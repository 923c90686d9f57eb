using System.Globalization;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// Profiles a CSV file for the scaffold, read as text by <see cref="CsvText"/>; the types are then inferred here with
/// the contract's strict rules (an integer is a sign and digits, nothing else).
/// </summary>
internal static class TableProfiler
{
    /// <summary>Columns with at most this many distinct text values are categories (one-hot encoded).</summary>
    public const int MaxCategories = 20;
    /// <summary>Distinct values tracked per column; beyond this a column is neither a category nor provably unique.</summary>
    public const int MaxTrackedValues = 1_000_000;

    private static readonly HashSet<string> YesNoWords = new(StringComparer.OrdinalIgnoreCase)
        { "yes", "no", "true", "false", "y", "n", "t", "f" };

    public static TableProfile Profile(string csvFile)
    {
        using var csv = new CsvText(csvFile);
        var reader = csv.Rows;
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new Accumulator(reader.GetName(i))).ToArray();
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Add(reader.IsDBNull(i) ? null : reader.GetString(i));
            }
        }
        return new TableProfile(csvFile, rows, [.. columns.Select(c => c.ToProfile(rows))]);
    }

    private sealed class Accumulator(string name)
    {
        private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);
        private readonly List<double> _numbers = [];
        private bool _tooMany;
        private bool _allInteger = true;
        private bool _allDecimal = true;
        private bool _allTimestamp = true;
        private long _empty;

        public void Add(string? raw)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                _empty++;
                return;
            }
            if (!_tooMany)
            {
                _values[value] = _values.GetValueOrDefault(value) + 1;
                if (_values.Count > MaxTrackedValues) { _tooMany = true; _values.Clear(); }
            }
            _allInteger &= IsInteger(value);
            var isNumber = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
            _allDecimal &= isNumber;
            if (_allDecimal) _numbers.Add(number);
            _allTimestamp &= !isNumber && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
        }

        public ColumnProfile ToProfile(long rows)
        {
            var nonEmpty = rows - _empty;
            var unique = !_tooMany && _empty == 0 && _values.Count == rows && rows > 0;
            var kind = Kind(nonEmpty);
            var profile = new ColumnProfile(name, kind, rows, _empty, unique)
            {
                Values = _tooMany || _values.Count > MaxCategories * 50
                    ? []
                    : [.. _values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)],
            };
            return kind is ColumnKind.Integer or ColumnKind.Decimal ? WithNumbers(profile) : profile;
        }

        private ColumnKind Kind(long nonEmpty)
        {
            if (nonEmpty == 0) return ColumnKind.Empty;
            if (_allInteger) return ColumnKind.Integer;
            if (_allDecimal) return ColumnKind.Decimal;
            if (!_tooMany && _values.Count <= 2 && _values.Keys.All(YesNoWords.Contains)) return ColumnKind.YesNo;
            if (_allTimestamp) return ColumnKind.Timestamp;
            if (!_tooMany && _values.Count <= MaxCategories) return ColumnKind.Category;
            return ColumnKind.Text;
        }

        private ColumnProfile WithNumbers(ColumnProfile profile)
        {
            var sentinel = SentinelDetector.Find(_numbers);
            var kept = sentinel is null ? _numbers : _numbers.Where(n => n != sentinel.Value).ToList();
            kept.Sort();
            return profile with
            {
                Sentinel = sentinel,
                SentinelCount = sentinel is null ? 0 : _numbers.Count - kept.Count,
                Min = kept.Count == 0 ? null : kept[0],
                Max = kept.Count == 0 ? null : kept[^1],
                Median = kept.Count == 0 ? null : kept[kept.Count / 2],
            };
        }

        private static bool IsInteger(string value)
        {
            var digits = value.AsSpan(value[0] is '-' or '+' ? 1 : 0);
            if (digits.IsEmpty || digits.Length > 18) return false;
            foreach (var c in digits) if (c is < '0' or > '9') return false;
            return true;
        }
    }
}
