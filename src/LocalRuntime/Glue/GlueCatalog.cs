using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// The local Glue Data Catalog: one JSON file per table (<c>&lt;directory&gt;/&lt;table&gt;.json</c>) shaped like
/// GetTable's <c>Table</c> plus its partitions, so the feature job's catalog update (WORKFLOW.md "Feature job" step 6)
/// leaves the same trace offline as on AWS.
/// </summary>
public sealed class GlueCatalog(string directory)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string PathFor(string table) => Path.Combine(directory, table + ".json");

    /// <summary>Creates or updates table <c>&lt;pipeline&gt;_features</c> and adds (or replaces) the partition <c>run=&lt;runId&gt;</c>.</summary>
    public void RecordFeatures(string pipeline, string runId, FeatureJobOutcome outcome, DateTimeOffset at)
    {
        var name = $"{pipeline}_features";
        var path = PathFor(name);
        var table = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : new JsonObject { ["CreateTime"] = at.ToString("O") };
        var tableLocation = $"s3://{outcome.FeaturesPrefix.Bucket}/{BucketLayout.PipelineFeatures(pipeline)}";
        table["Name"] = name;
        table["TableType"] = "EXTERNAL_TABLE";
        table["UpdateTime"] = at.ToString("O");
        table["PartitionKeys"] = new JsonArray(new JsonObject { ["Name"] = "run", ["Type"] = "string" });
        table["StorageDescriptor"] = new JsonObject
        {
            ["Columns"] = new JsonArray(outcome.Columns.Select(c => (JsonNode)new JsonObject { ["Name"] = c.Name, ["Type"] = c.Type }).ToArray()),
            ["Location"] = tableLocation,
            ["InputFormat"] = "org.apache.hadoop.mapred.TextInputFormat",
            ["SerdeInfo"] = new JsonObject
            {
                ["SerializationLibrary"] = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                ["Parameters"] = new JsonObject { ["field.delim"] = ",", ["skip.header.line.count"] = "1" },
            },
        };
        var partitions = table["Partitions"] as JsonArray ?? [];
        foreach (var old in partitions.OfType<JsonObject>().Where(p => p["Values"]?[0]?.GetValue<string>() == runId).ToList()) partitions.Remove(old);
        partitions.Add(new JsonObject
        {
            ["Values"] = new JsonArray(runId),
            ["Location"] = $"s3://{outcome.FeaturesPrefix.Bucket}/{BucketLayout.FeatureSplit(pipeline, runId, "table")}",
            ["CreationTime"] = at.ToString("O"),
        });
        table["Partitions"] = partitions.DeepClone();
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, table.ToJsonString(Indented));
    }
}
