namespace TrainingOrchestration.Pipelines.Tests.Features;

/// <summary>
/// A minimal reader for the bundled samples (header row, comma separated, fields optionally double-quoted without
/// embedded quotes), independent of DuckDB so the tests compare the SQL's output with the file itself.
/// </summary>
public sealed record SampleCsv(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static SampleCsv Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0]);
        var rows = lines.Skip(1)
            .Select(l => (IReadOnlyDictionary<string, string>)header.Zip(Split(l)).ToDictionary(p => p.First, p => p.Second))
            .ToList();
        return new SampleCsv(header, rows);
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
