using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// Every model version of a pipeline in a workspace, as <c>models &lt;pipeline&gt; --json</c> prints them: the MODEL items
/// of its <c>record.json</c> (status CANDIDATE, CHAMPION, RETIRED or REJECTED, metrics, artifact, decision) joined with
/// the version's model package in the local Model Registry (<c>sagemaker/model-packages.json</c>), oldest first.
/// </summary>
public static class ModelVersions
{
    public static string RegistryFile(string workspace) => Path.Combine(workspace, "sagemaker", "model-packages.json");

    public static IReadOnlyList<JsonObject> List(string workspace, string pipeline)
    {
        var record = RunRecord.Read(workspace) ?? throw new FileNotFoundException($"{Path.Combine(workspace, RunRecord.FileName)} does not exist: no run has finished in this workspace.");
        var packages = Packages(workspace, ResourceNames.ModelPackageGroup(pipeline));
        var championRunId = record["champion"]?["runId"]?.GetValue<string>();
        return (record["models"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(model =>
            {
                var runId = model["runId"]?.GetValue<string>() ?? model[TableKeys.SortKey]!.GetValue<string>()[TableKeys.ModelPrefix.Length..];
                var package = packages.GetValueOrDefault(runId);
                return new JsonObject
                {
                    ["version"] = runId,
                    ["status"] = model["status"]?.DeepClone(),
                    ["champion"] = runId == championRunId,
                    ["decision"] = model["decision"]?.DeepClone(),
                    ["reason"] = model["reason"]?.DeepClone(),
                    ["metrics"] = model["metrics"]?.DeepClone(),
                    ["metricsSource"] = model["metricsSource"]?.DeepClone(),
                    ["artifact"] = model["artifact"]?.DeepClone(),
                    ["trainingJobName"] = model["trainingJobName"]?.DeepClone(),
                    ["evaluatedAt"] = model["evaluatedAt"]?.DeepClone(),
                    ["promotedAt"] = model["promotedAt"]?.DeepClone(),
                    ["retiredAt"] = model["retiredAt"]?.DeepClone(),
                    ["modelPackageArn"] = package?["ModelPackageArn"]?.DeepClone(),
                    ["modelPackageVersion"] = package?["ModelPackageVersion"]?.DeepClone(),
                    ["approvalStatus"] = package?["ModelApprovalStatus"]?.DeepClone(),
                };
            })
            .OrderBy(m => m["version"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The group's packages by the run id each was registered for (<c>CustomerMetadataProperties.runId</c>).</summary>
    public static IReadOnlyDictionary<string, JsonObject> Packages(string workspace, string group)
    {
        var file = RegistryFile(workspace);
        if (!File.Exists(file) || JsonNode.Parse(File.ReadAllText(file)) is not JsonObject state) return new Dictionary<string, JsonObject>();
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var package in (state["packages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (package["ModelPackageGroupName"]?.GetValue<string>() != group) continue;
            if (package["CustomerMetadataProperties"]?["runId"]?.GetValue<string>() is { } runId) result[runId] = package;
        }
        return result;
    }
}
