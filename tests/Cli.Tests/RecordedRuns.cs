using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.Cli.Tests;

/// <summary>Builds a runs directory holding workspaces with record.json files, as <c>run</c> leaves them.</summary>
internal sealed class RecordedRuns : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("cli-runs-").FullName;

    public void Add(string workspaceName, params JsonObject[] items)
    {
        var workspace = System.IO.Directory.CreateDirectory(Path.Combine(Directory, workspaceName)).FullName;
        RunRecord.Write(workspace, RunRecord.Build("churn", workspace, items, [], [], [], TimeSpan.FromSeconds(3)));
    }

    public static JsonObject Run(string runId, string status, string decision, string reason, double auc) => new()
    {
        ["pk"] = "PIPELINE#churn", ["sk"] = $"RUN#{runId}", ["runId"] = runId, ["pipeline"] = "churn", ["status"] = status,
        ["decision"] = decision, ["reason"] = reason, ["metrics"] = new JsonObject { ["auc"] = auc }, ["startedAt"] = $"2026-11-23T{runId[9..11]}:00:00Z",
        ["thresholds"] = new JsonArray(new JsonObject { ["metric"] = "auc", ["min"] = 0.8, ["observed"] = auc, ["passed"] = auc >= 0.8 }),
    };

    public static JsonObject Validation(string runId, bool passed, string summary) => new()
    {
        ["pk"] = "PIPELINE#churn#VALIDATION", ["sk"] = $"VALIDATION#{runId}", ["passed"] = passed,
        ["outcome"] = new JsonObject
        {
            ["passed"] = passed, ["summary"] = summary,
            ["rules"] = new JsonArray(new JsonObject { ["rule"] = "range:tenure_months", ["column"] = "tenure_months", ["passed"] = passed, ["observed"] = "max 500", ["threshold"] = "0..72" }),
        }.ToJsonString(),
    };

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
