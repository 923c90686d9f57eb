using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// The closed Standard executions of a workspace, kept under <c>executions/&lt;name&gt;.json</c> (<see cref="ExecutionSnapshot"/>)
/// so that a later <c>runs redrive</c> or <c>runs rerun</c> finds them, as the Step Functions console lists an account's
/// executions for 90 days. Written at the end of every <c>run</c>, <c>runs redrive</c> and <c>runs rerun</c>.
/// </summary>
public static class ExecutionStore
{
    public const string Folder = "executions";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Saves every closed execution of the session's Standard state machines (overwriting older copies).</summary>
    public static void Save(PipelineSession session, string workspace)
    {
        var folder = Directory.CreateDirectory(Path.Combine(workspace, Folder)).FullName;
        foreach (var (_, execution) in session.Executions())
        {
            if (execution.Status == ExecutionStatus.Running) continue;
            ExecutionSnapshot snapshot;
            try
            {
                snapshot = session.Cloud.Engine.ExportExecution(execution.ExecutionArn);
            }
            catch (StepFunctionsApiException)
            {
                continue; // Express executions keep no history to redrive
            }
            File.WriteAllText(Path.Combine(folder, execution.Name + ".json"), snapshot.ToJson().ToJsonString(Indented));
        }
    }

    /// <summary>The training execution that ran <paramref name="runId"/> of <paramref name="pipeline"/> (its input's <c>runId</c>).</summary>
    /// <exception cref="FileNotFoundException">No saved execution ran that run id in this workspace.</exception>
    public static ExecutionSnapshot FindTrainingRun(string workspace, string pipeline, string runId)
    {
        var folder = Path.Combine(workspace, Folder);
        var machine = ":stateMachine:" + ResourceNames.TrainingStateMachine(pipeline);
        var matches = (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [])
            .Select(file => ExecutionSnapshot.FromJson(JsonNode.Parse(File.ReadAllText(file))!.AsObject()))
            .Where(s => s.Description.StateMachineArn.EndsWith(machine, StringComparison.Ordinal))
            .Where(s => JsonNode.Parse(s.Description.Input)?["runId"]?.GetValue<string>() == runId)
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new FileNotFoundException($"No {ResourceNames.TrainingStateMachine(pipeline)} execution with runId {runId} is saved under {folder}; `runs --json` lists the workspace's runs."),
            _ => matches.OrderByDescending(s => s.Description.StartDate).First(),
        };
    }
}
