using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// The local CloudWatch metrics: every datum from the Lambdas' EMF lines and the stand-ins' service metrics, kept in
/// memory and appended to <c>&lt;workspace&gt;/cloudwatch/metrics.jsonl</c> (one JSON object per datum), so a workspace
/// reused by later runs — and the <c>dashboard</c> and <c>alarms</c> commands — see the whole history.
/// </summary>
public sealed class LocalMetricStore
{
    public const string FileName = "metrics.jsonl";

    private readonly List<MetricDatum> _data = [];
    private readonly string? _file;
    private readonly Lock _gate = new();

    /// <summary>A store persisted in <paramref name="directory"/> (loaded if present), or in memory when null.</summary>
    public LocalMetricStore(string? directory)
    {
        if (directory is null) return;
        Directory.CreateDirectory(directory);
        _file = Path.Combine(directory, FileName);
        if (!File.Exists(_file)) return;
        var number = 0;
        foreach (var line in File.ReadLines(_file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            _data.Add(Parse(line) ?? throw new FormatException($"{_file} line {number}: not a metric datum: {line}"));
        }
    }

    /// <summary>The store of a workspace (<c>&lt;workspace&gt;/cloudwatch</c>).</summary>
    public static LocalMetricStore ForWorkspace(string workspace) => new(Path.Combine(workspace, "cloudwatch"));

    public IReadOnlyList<MetricDatum> All
    {
        get { lock (_gate) return _data.ToList(); }
    }

    public void Add(IEnumerable<MetricDatum> data)
    {
        var batch = data.ToList();
        if (batch.Count == 0) return;
        lock (_gate)
        {
            _data.AddRange(batch);
            if (_file is not null) File.AppendAllLines(_file, batch.Select(Render));
        }
    }

    public void Add(MetricDatum datum) => Add([datum]);

    /// <summary>The data of one metric (namespace, name, exact dimension set) in [start, end).</summary>
    public IReadOnlyList<MetricDatum> Query(string ns, string name, IReadOnlyDictionary<string, string> dimensions, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
        {
            return _data.Where(d => d.Namespace == ns && d.Name == name && d.Timestamp >= start && d.Timestamp < end && d.HasDimensions(dimensions)).ToList();
        }
    }

    private static string Render(MetricDatum d)
    {
        var dims = new JsonObject();
        foreach (var (k, v) in d.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal)) dims[k] = v;
        return new JsonObject
        {
            ["namespace"] = d.Namespace, ["name"] = d.Name, ["dimensions"] = dims,
            ["timestamp"] = d.Timestamp.ToUnixTimeMilliseconds(), ["value"] = d.Value, ["unit"] = d.Unit, ["producer"] = d.Producer,
        }.ToJsonString();
    }

    private static MetricDatum? Parse(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is not JsonObject o) return null;
            var dims = (o["dimensions"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
            return new MetricDatum(o["namespace"]!.GetValue<string>(), o["name"]!.GetValue<string>(), dims,
                DateTimeOffset.FromUnixTimeMilliseconds(o["timestamp"]!.GetValue<long>()), o["value"]!.GetValue<double>(),
                o["unit"]?.GetValue<string>() ?? "None", o["producer"]?.GetValue<string>() ?? "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return null;
        }
    }
}
