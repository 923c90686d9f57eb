using System.Globalization;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>
/// The simulated source table: the bundled sample's rows by entity key (the table as it was when the simulation
/// started) and what has changed since. New keys continue the sample's own scheme (<c>C007043</c> → <c>C007044</c>).
/// </summary>
public sealed class SourceTable
{
    private readonly Dictionary<string, Dictionary<string, string>> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _original = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private readonly string _keyPrefix;
    private readonly int _keyWidth;
    private long _nextKey;

    public SourceTable(PipelineSpec pipeline, string csvFile)
    {
        Pipeline = pipeline;
        var lines = File.ReadLines(csvFile).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0]);
        var key = pipeline.Features.EntityKey;
        foreach (var line in lines.Skip(1))
        {
            var values = Split(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < values.Count; i++) row[header[i]] = values[i];
            if (!row.TryGetValue(key, out var id) || !_rows.TryAdd(id, row)) continue;
            _original[id] = new Dictionary<string, string>(row, StringComparer.Ordinal);
            _keys.Add(id);
        }
        if (_keys.Count == 0) throw new InvalidOperationException($"{csvFile}: no rows with the entity key '{key}' to simulate changes of.");
        var digits = _keys[^1].Length - _keys[^1].TrimEnd("0123456789".ToCharArray()).Length;
        _keyPrefix = _keys[^1][..^digits];
        _keyWidth = digits;
        _nextKey = _keys.Where(k => k.StartsWith(_keyPrefix, StringComparison.Ordinal) && k.Length == _keyPrefix.Length + digits && digits > 0)
            .Select(k => long.Parse(k[_keyPrefix.Length..], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
    }

    public PipelineSpec Pipeline { get; }

    public int Count => _rows.Count;

    public IReadOnlyList<string> Keys => _keys;

    public IReadOnlyDictionary<string, string> Row(string key) => _rows[key];

    /// <summary>The value a column had when the simulation started (for drift relative to it, and to repair).</summary>
    public string? Original(string key, string column) => _original.TryGetValue(key, out var row) ? row.GetValueOrDefault(column) : null;

    public string NewKey() => _keyWidth > 0
        ? _keyPrefix + (_nextKey++).ToString(CultureInfo.InvariantCulture).PadLeft(_keyWidth, '0')
        : $"{_keyPrefix}-sim{_nextKey++}";

    public void Put(string key, Dictionary<string, string> row)
    {
        if (_rows.TryAdd(key, row)) _keys.Add(key);
        else _rows[key] = row;
    }

    public void Remove(string key)
    {
        if (_rows.Remove(key)) _keys.Remove(key);
    }

    /// <summary>A CSV line split on commas, with double-quoted fields (doubled quotes inside) as CSV writes them.</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else if (c != '\r') field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
