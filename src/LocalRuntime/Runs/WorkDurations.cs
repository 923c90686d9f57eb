using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.SageMaker;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// The real time of the work behind a run's long states, as the services report it: the Glue job run of the run
/// (<c>--run_id</c>; <c>CompletedOn - StartedOn</c>, which locally is the DuckDB job's wall time) for <c>BuildFeatures</c>
/// and the training job (<c>TrainingEndTime - TrainingStartTime</c>, locally libxgboost's) for <c>WaitForTrainingJob</c>.
/// The workflow runs on a virtual clock that does not move while that work happens, so the execution history alone
/// shows zeros; the report shows these next to it. State names as in src/StateMachine/WORKFLOW.md.
/// </summary>
public static class WorkDurations
{
    public const string FeatureState = "BuildFeatures";
    public const string TrainingState = "WaitForTrainingJob";

    public static IReadOnlyDictionary<string, TimeSpan> For(LocalCloud cloud, JsonObject run)
    {
        var work = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var runId = run["runId"]?.GetValue<string>();
        var glue = cloud.Glue.Runs.LastOrDefault(r => r.Arguments.TryGetValue("--run_id", out var id) && id == runId);
        if (glue is not null) work[FeatureState] = glue.CompletedOn - glue.StartedOn;
        if (run["trainingJobName"] is JsonValue name && name.TryGetValue<string>(out var jobName) && Training(cloud, jobName) is { TrainingStartTime: { } start, TrainingEndTime: { } end })
            work[TrainingState] = end - start;
        return work;
    }

    private static TrainingJob? Training(LocalCloud cloud, string jobName)
    {
        try
        {
            return cloud.SageMaker.DescribeTrainingJob(jobName);
        }
        catch (SageMakerServiceException)
        {
            return null;
        }
    }
}
