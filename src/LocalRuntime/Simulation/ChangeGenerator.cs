using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>
/// Turns "n changes in this hour" into change records against the <see cref="SourceTable"/>: 80 % updates of existing
/// rows (the drift column drifting), 15 % inserts of new customers (a copy of an existing row under a new key), 5 %
/// deletes; plus, when asked, the violating rows and later their repair. Deterministic for a seed.
/// </summary>
public sealed class ChangeGenerator(SourceTable table, DataIncidents incidents, ChangeRecordWriter writer, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<string> _violated = [];
    private readonly bool _driftIsInteger = table.Pipeline.Source.Columns.Any(c => c.Name == incidents.DriftColumn && c.Type == SourceColumnType.Integer);

    /// <summary>The keys holding a violating value right now.</summary>
    public IReadOnlyList<string> Violated => _violated;

    public List<JsonObject> Changes(int count, DateTimeOffset at, double elapsedDays)
    {
        var records = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.NextDouble();
            if (roll < 0.80) records.Add(Update(RandomKey(), at, elapsedDays));
            else if (roll < 0.95) records.Add(Insert(at, elapsedDays));
            else records.Add(Delete(RandomKey(), at));
        }
        return records;
    }

    /// <summary>Gives <see cref="DataIncidents.ViolatingRows"/> existing rows a value outside the violated range rule.</summary>
    public List<JsonObject> Violate(DateTimeOffset at)
    {
        var records = new List<JsonObject>();
        while (_violated.Count < DataIncidents.ViolatingRows)
        {
            var key = RandomKey();
            if (_violated.Contains(key)) continue;
            var before = table.Row(key);
            var after = new Dictionary<string, string>(before, StringComparer.Ordinal) { [incidents.ViolatedColumn] = incidents.ViolatingValue() };
            table.Put(key, after);
            records.Add(writer.Modify(key, before, after, at));
            _violated.Add(key);
        }
        return records;
    }

    /// <summary>Puts the violated rows back to their original value (the upstream fix).</summary>
    public List<JsonObject> Repair(DateTimeOffset at)
    {
        var records = new List<JsonObject>();
        foreach (var key in _violated)
        {
            var before = table.Row(key);
            var after = new Dictionary<string, string>(before, StringComparer.Ordinal) { [incidents.ViolatedColumn] = table.Original(key, incidents.ViolatedColumn) ?? "" };
            table.Put(key, after);
            records.Add(writer.Modify(key, before, after, at));
        }
        _violated.Clear();
        return records;
    }

    private string RandomKey()
    {
        while (true)
        {
            var key = table.Keys[_random.Next(table.Keys.Count)];
            if (!_violated.Contains(key)) return key;
        }
    }

    private JsonObject Update(string key, DateTimeOffset at, double elapsedDays)
    {
        var before = table.Row(key);
        var after = new Dictionary<string, string>(before, StringComparer.Ordinal);
        if (incidents.Drifted(table.Original(key, incidents.DriftColumn) ?? before.GetValueOrDefault(incidents.DriftColumn), elapsedDays, _driftIsInteger) is { } drifted)
            after[incidents.DriftColumn] = drifted;
        table.Put(key, after);
        return writer.Modify(key, before, after, at);
    }

    private JsonObject Insert(DateTimeOffset at, double elapsedDays)
    {
        var templateKey = RandomKey();
        var template = table.Row(templateKey);
        var key = table.NewKey();
        var row = new Dictionary<string, string>(template, StringComparer.Ordinal) { [table.Pipeline.Features.EntityKey] = key };
        var original = table.Original(templateKey, incidents.DriftColumn) ?? template.GetValueOrDefault(incidents.DriftColumn);
        if (incidents.Drifted(original, elapsedDays, _driftIsInteger) is { } drifted) row[incidents.DriftColumn] = drifted;
        table.Put(key, row);
        return writer.Insert(key, row, at);
    }

    private JsonObject Delete(string key, DateTimeOffset at)
    {
        var before = table.Row(key);
        table.Remove(key);
        return writer.Remove(key, before, at);
    }
}
