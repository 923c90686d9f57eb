using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Runs;

/// <summary>
/// The recorded local runs: every RUN item of every workspace's <c>record.json</c> under <c>.local/runs/</c>, joined with
/// its validation outcome and the path its training execution took, newest first.
/// </summary>
internal static class RunCatalog
{
    public static IReadOnlyList<JsonObject> Load(string runsDirectory, string? pipeline = null) =>
        Directory.Exists(runsDirectory) ? LoadWorkspaces(Directory.EnumerateDirectories(runsDirectory), pipeline) : [];

    /// <summary>The runs recorded in one workspace (<c>run --workspace DIR</c> reuses it, so it may hold several).</summary>
    public static IReadOnlyList<JsonObject> LoadWorkspace(string workspace, string? pipeline = null) => LoadWorkspaces([workspace], pipeline);

    /// <summary>The runs recorded in the given workspaces, newest first.</summary>
    public static IReadOnlyList<JsonObject> LoadWorkspaces(IEnumerable<string> workspaces, string? pipeline = null)
    {
        var entries = new List<JsonObject>();
        foreach (var workspace in workspaces)
        {
            JsonObject? record;
            try
            {
                record = RunRecord.Read(workspace);
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // a run interrupted while writing its record
            }
            if (record is null) continue;
            if (pipeline is not null && record["pipeline"]?.GetValue<string>() != pipeline) continue;
            foreach (var run in (record["runs"] as JsonArray ?? []).OfType<JsonObject>()) entries.Add(Entry(run, record, workspace));
        }
        // One workspace reused for several runs exports them all each time: keep the newest export of each run.
        return entries
            .GroupBy(e => (e["pipeline"]?.GetValue<string>(), e["runId"]?.GetValue<string>()))
            .Select(g => g.OrderByDescending(e => e["exportedAt"]?.GetValue<string>(), StringComparer.Ordinal).First())
            .OrderByDescending(e => e["startedAt"]?.GetValue<string>() ?? "", StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The entry of one run in one workspace's record, as <c>runs --json</c> prints it; null when the record lacks it.</summary>
    public static JsonObject? Find(string workspace, string runId)
    {
        var record = RunRecord.Read(workspace);
        var run = (record?["runs"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(r => (r["runId"]?.GetValue<string>() ?? TableKeys.RunIdOf(r[TableKeys.SortKey]!.GetValue<string>())) == runId);
        return run is null ? null : Entry(run, record!, workspace);
    }

    /// <summary>The workspace under <paramref name="runsDirectory"/> whose newest record holds <paramref name="runId"/> of <paramref name="pipeline"/>.</summary>
    public static string? WorkspaceOf(string runsDirectory, string pipeline, string runId) =>
        Load(runsDirectory, pipeline).FirstOrDefault(r => r["runId"]?.GetValue<string>() == runId)?["workspace"]?.GetValue<string>();

    /// <summary>
    /// The steps after the run's decision that failed, the outcome standing: the workflow's tolerated side effects by
    /// state name (<c>sideEffects</c>), and what the run-status workflow recorded after the run ended
    /// (<c>sideEffectFailed</c>, e.g. the lock release); null when none failed.
    /// </summary>
    private static JsonArray? SideEffectsFailed(JsonObject run)
    {
        var failed = (run["sideEffects"] as JsonObject ?? []).Select(f => (JsonNode?)f.Key).ToList();
        if (run["sideEffectFailed"] is JsonValue recorded) failed.Add(recorded.DeepClone());
        return failed.Count == 0 ? null : new JsonArray([.. failed]);
    }

    private static JsonObject Entry(JsonObject run, JsonObject record, string workspace)
    {
        var runId = run["runId"]?.GetValue<string>() ?? TableKeys.RunIdOf(run[TableKeys.SortKey]!.GetValue<string>());
        var validationItem = (record["validations"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(v => v[TableKeys.SortKey]?.GetValue<string>() == TableKeys.Validation(runId));
        var validation = validationItem?["outcome"] is JsonValue text && text.TryGetValue<string>(out var json) ? JsonNode.Parse(json) : validationItem?["outcome"]?.DeepClone();
        var executionArn = run["executionArn"]?.GetValue<string>();
        var pipeline = run["pipeline"]?.GetValue<string>() ?? record["pipeline"]?.GetValue<string>() ?? "";
        var features = RunFeatures.Find(Path.GetFullPath(workspace), pipeline, runId);
        var files = RunFiles.Find(Path.GetFullPath(workspace), pipeline, runId, run["trainingJobName"]?.GetValue<string>());
        var execution = (record["executions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(e => executionArn is not null && e["executionArn"]?.GetValue<string>() == executionArn);
        var failure = RunFailure.Of(run);
        return new JsonObject
        {
            ["runId"] = runId,
            ["pipeline"] = run["pipeline"]?.DeepClone() ?? record["pipeline"]?.DeepClone(),
            ["status"] = run["status"]?.DeepClone(),
            ["decision"] = run["decision"]?.DeepClone(),
            ["reason"] = run["reason"]?.DeepClone() ?? run["cause"]?.DeepClone(),
            // A FAILED run's failure; a run a redrive recovered names what it recovered from instead.
            ["error"] = failure is { Recovered: false } ? failure.Error : null,
            ["failedState"] = failure is { Recovered: false } ? failure.FailedState : null,
            ["recoveredFrom"] = failure is { Recovered: true } ? failure.ToJson() : null,
            ["redriveCount"] = run["redriveCount"]?.DeepClone() ?? 0,
            ["rerunOf"] = run["rerunOf"]?.DeepClone(),
            ["trainer"] = record["trainer"]?.DeepClone(),
            ["metrics"] = run["metrics"]?.DeepClone(),
            // The champion on this run's test split: metrics, difference, interval, decision (null without a champion).
            ["champion"] = run["champion"]?.DeepClone(),
            ["modelPackage"] = run["modelPackageArn"]?.DeepClone(),
            // The approved copy's URI when promoted, the training job's artifact otherwise.
            ["artifact"] = run["artifact"]?.DeepClone(),
            // With deployment: on promotion, {endpoint, endpointConfig, status DEPLOYED|ROLLED_BACK|FAILED, reason}; else null.
            ["deployment"] = run["deployment"]?.DeepClone(),
            // The steps after the decision that failed (the run keeps its decision), by state name; null when none did.
            ["sideEffectFailed"] = SideEffectsFailed(run),
            ["artifactPath"] = files.ArtifactPath,
            ["testPredictionsPath"] = files.TestPredictionsPath,
            ["testChannelPath"] = files.TestChannelPath,
            ["thresholds"] = run["thresholds"]?.DeepClone(),
            ["validation"] = validation,
            ["trigger"] = run["trigger"]?.DeepClone(),
            ["trainingJobName"] = run["trainingJobName"]?.DeepClone(),
            ["cost"] = run["cost"]?.DeepClone(),
            ["startedAt"] = run["startedAt"]?.DeepClone(),
            ["finishedAt"] = run["finishedAt"]?.DeepClone(),
            ["executionArn"] = executionArn,
            ["path"] = execution?["path"]?.DeepClone(),
            ["triggerDecisions"] = record["triggerDecisions"]?.DeepClone(),
            ["workspace"] = Path.GetFullPath(workspace),
            ["featuresTable"] = features?.FeaturesTable,
            ["inserted"] = features?.Changes?["inserted"]?.DeepClone(),
            ["updated"] = features?.Changes?["updated"]?.DeepClone(),
            ["deleted"] = features?.Changes?["deleted"]?.DeepClone(),
            ["changes"] = features?.Changes?.DeepClone(),
            ["exportedAt"] = record["exportedAt"]?.DeepClone(),
        };
    }
}
