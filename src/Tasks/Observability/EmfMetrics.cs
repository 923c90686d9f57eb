using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TrainingOrchestration.Tasks.Observability;

/// <summary>
/// CloudWatch Embedded Metric Format: metrics written as one JSON log line per <see cref="Flush"/>, which CloudWatch
/// Logs turns into metrics without a PutMetricData call (the SDK for CloudWatch is not available here, and a log line
/// costs nothing extra on Lambda). The document follows AWS's specification: a root <c>_aws</c> member with
/// <c>Timestamp</c> (epoch ms) and one <c>CloudWatchMetrics</c> directive (<c>Namespace</c>, <c>Dimensions</c> as a
/// list of dimension sets, <c>Metrics</c> with <c>Name</c>/<c>Unit</c>); dimension values and metric values are
/// root members. A metric put twice before a flush becomes an array of values.
/// </summary>
public sealed class EmfMetrics(string metricsNamespace, TextWriter output, TimeProvider clock)
{
    public const int MaxDimensions = 30;
    public const int MaxMetrics = 100;
    public const int MaxValuesPerMetric = 100;

    private readonly List<KeyValuePair<string, string>> _dimensions = [];
    private readonly List<Metric> _metrics = [];
    private readonly List<KeyValuePair<string, string>> _properties = [];

    /// <summary>Adds a dimension (name and value) to every metric flushed from now on.</summary>
    public EmfMetrics WithDimension(string name, string value)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a dimension needs a name", nameof(name));
        if (string.IsNullOrEmpty(value)) throw new ArgumentException($"dimension {name} needs a non-empty value", nameof(value));
        _dimensions.RemoveAll(d => d.Key == name);
        if (_dimensions.Count == MaxDimensions) throw new InvalidOperationException($"EMF allows at most {MaxDimensions} dimensions per set");
        _dimensions.Add(new(name, value));
        return this;
    }

    /// <summary>Records a value; NaN and infinities are refused because CloudWatch rejects them.</summary>
    public EmfMetrics Put(string name, double value, string unit)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, $"metric {name} must be a finite number");
        var metric = _metrics.Find(m => m.Name == name);
        if (metric is null)
        {
            if (_metrics.Count == MaxMetrics) throw new InvalidOperationException($"EMF allows at most {MaxMetrics} metrics per directive");
            metric = new Metric(name, unit);
            _metrics.Add(metric);
        }
        if (metric.Values.Count == MaxValuesPerMetric) throw new InvalidOperationException($"EMF allows at most {MaxValuesPerMetric} values for metric {name}");
        metric.Values.Add(value);
        return this;
    }

    /// <summary>Adds a searchable member to the line that is not a dimension (e.g. RunId), so it costs no metric.</summary>
    public EmfMetrics WithProperty(string name, string value)
    {
        _properties.RemoveAll(p => p.Key == name);
        _properties.Add(new(name, value));
        return this;
    }

    /// <summary>Writes the pending metrics as one line and clears them; dimensions and properties are kept.</summary>
    public void Flush()
    {
        if (_metrics.Count == 0) return;
        var line = Render();
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
        _metrics.Clear();
    }

    private string Render()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", clock.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricsNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            foreach (var dimension in _dimensions) json.WriteStringValue(dimension.Key);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in _metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var property in _properties)
            {
                if (_dimensions.Exists(d => d.Key == property.Key) || _metrics.Exists(m => m.Name == property.Key)) continue;
                json.WriteString(property.Key, property.Value);
            }
            foreach (var dimension in _dimensions) json.WriteString(dimension.Key, dimension.Value);
            foreach (var metric in _metrics)
            {
                if (metric.Values.Count == 1)
                {
                    json.WriteNumber(metric.Name, metric.Values[0]);
                    continue;
                }
                json.WriteStartArray(metric.Name);
                foreach (var value in metric.Values) json.WriteNumberValue(value);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed record Metric(string Name, string Unit)
    {
        public List<double> Values { get; } = [];
    }
}
