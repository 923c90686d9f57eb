using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// The last fallback: a <c>metrics.json</c> inside the model artifact (<c>model.tar.gz</c>), streamed through
/// GZip and tar without extracting anything else. Accepts the shapes training scripts write: metrics at the top
/// level or under <c>metrics</c>, <c>validation_metrics</c>, <c>validation</c> or <c>evaluation</c>; numbers or
/// numeric strings; names mapped by <see cref="MetricAliases"/>. Channel-prefixed names (<c>train:auc</c>,
/// <c>validation:auc</c>, as XGBoost prints them) count only for the validation channel.
/// </summary>
public sealed class ArtifactMetricsReader(IObjectStore store)
{
    public const string FileName = "metrics.json";
    private static readonly string[] Sections = ["validation_metrics", "validation", "evaluation", "metrics"];

    /// <summary>The metrics in the artifact, or null when there is no artifact or it has no metrics file.</summary>
    public async Task<IReadOnlyDictionary<string, double>?> ReadAsync(string artifactUri, CancellationToken cancellationToken = default)
    {
        var (bucket, key) = S3Uri.Parse(artifactUri);
        if (!await store.ExistsAsync(bucket, key, cancellationToken).ConfigureAwait(false)) return null;
        await using var stream = await store.OpenReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            if (!string.Equals(Path.GetFileName(entry.Name), FileName, StringComparison.Ordinal) || entry.DataStream is null) continue;
            try
            {
                using var document = await JsonDocument.ParseAsync(entry.DataStream, cancellationToken: cancellationToken).ConfigureAwait(false);
                return Extract(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{artifactUri}: {entry.Name} is not valid JSON: {e.Message}", e);
            }
        }
        return null;
    }

    /// <summary>Our metrics from a parsed metrics file: nested sections first, then the top level.</summary>
    public static IReadOnlyDictionary<string, double> Extract(JsonElement root)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object) return metrics;
        foreach (var section in Sections)
        {
            if (root.TryGetProperty(section, out var nested) && nested.ValueKind == JsonValueKind.Object) Collect(nested, metrics);
            if (metrics.Count > 0) return metrics;
        }
        Collect(root, metrics);
        return metrics;
    }

    private static void Collect(JsonElement element, Dictionary<string, double> metrics)
    {
        foreach (var property in element.EnumerateObject())
        {
            double value;
            if (property.Value.ValueKind == JsonValueKind.Number) value = property.Value.GetDouble();
            else if (property.Value.ValueKind == JsonValueKind.String &&
                     double.TryParse(property.Value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) value = parsed;
            else continue;
            if (!double.IsFinite(value)) continue;
            var colon = property.Name.IndexOf(':');
            if (colon >= 0 && !property.Name.StartsWith(TrainingJobMetrics.ValidationChannel, StringComparison.OrdinalIgnoreCase)) continue;
            if (MetricAliases.Map(property.Name, value) is { } mapped) metrics.TryAdd(mapped.Metric, mapped.Value);
        }
    }
}
