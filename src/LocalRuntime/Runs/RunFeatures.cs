using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// Where a local run's features are in its workspace (<c>s3/&lt;bucket&gt;/features/&lt;p&gt;/run=&lt;id&gt;/</c>) and what its
/// change merge applied, read from the feature job's <c>manifest.json</c>. Used by <c>run --json</c>, <c>runs</c> and the report.
/// </summary>
public sealed record RunFeatures(string FeaturesTable, JsonObject? Changes)
{
    public static RunFeatures? Find(string workspace, string pipeline, string runId)
    {
        var s3 = Path.Combine(workspace, "s3");
        if (!Directory.Exists(s3)) return null;
        foreach (var bucket in Directory.EnumerateDirectories(s3))
        {
            var prefix = Path.Combine(bucket, BucketLayout.RunFeatures(pipeline, runId).TrimEnd('/').Replace('/', Path.DirectorySeparatorChar));
            var table = Path.Combine(prefix, "table");
            if (!Directory.Exists(table)) continue;
            var parts = Directory.EnumerateFiles(table, "*.csv").Order(StringComparer.Ordinal).ToList();
            var manifest = Path.Combine(prefix, "manifest.json");
            var changes = File.Exists(manifest) ? JsonNode.Parse(File.ReadAllText(manifest))?["changes"] as JsonObject : null;
            // One part: the CSV file itself; several: the folder (every file has the header).
            return new RunFeatures(parts.Count == 1 ? parts[0] : table, changes?.DeepClone() as JsonObject);
        }
        return null;
    }

    /// <summary>Changes applied by operation, e.g. "3 inserted, 2 updated, 1 deleted (8 received: 1 redelivered, 1 stale)".</summary>
    public string? ChangesSummary()
    {
        if (Changes is null) return null;
        long N(string name) => Changes[name]?.GetValue<long>() ?? 0;
        var ignored = new List<string>();
        if (N("duplicates") > 0) ignored.Add($"{N("duplicates")} redelivered");
        if (N("stale") > 0) ignored.Add($"{N("stale")} stale");
        if (N("tombstones") > 0) ignored.Add($"{N("tombstones")} tombstones");
        return $"{N("inserted")} inserted, {N("updated")} updated, {N("deleted")} deleted ({N("received")} received" +
            (ignored.Count == 0 ? ")" : ": " + string.Join(", ", ignored) + " ignored)");
    }
}
