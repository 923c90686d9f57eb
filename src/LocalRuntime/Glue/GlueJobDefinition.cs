using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Templates;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// The parts of an <c>AWS::Glue::Job</c> the local stand-in needs: its name, default arguments (overlaid by each
/// run's arguments, as Glue does) and the capacity figures Glue reports back in a JobRun.
/// </summary>
public sealed record GlueJobDefinition(
    string Name,
    IReadOnlyDictionary<string, string> DefaultArguments,
    string GlueVersion = "4.0",
    string WorkerType = "G.1X",
    int NumberOfWorkers = 2,
    int TimeoutMinutes = 2880)
{
    /// <summary>The job as a deployed stack declares it (what the local cloud registers, and the feature-job bench runs).</summary>
    public static GlueJobDefinition FromTemplate(StackResource job)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in job.Properties["DefaultArguments"] as JsonObject ?? [])
        {
            arguments[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
        }
        return new GlueJobDefinition(job.Name, arguments,
            job.GetString("GlueVersion") ?? "4.0",
            job.GetString("WorkerType") ?? "G.1X",
            LocalCloud.IntOf(job.Properties["NumberOfWorkers"]) ?? 2,
            LocalCloud.IntOf(job.Properties["Timeout"]) ?? 2880);
    }
}
