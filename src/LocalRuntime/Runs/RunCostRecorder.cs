using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Tasks.Costs;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// A run's estimated cost from what the local services report for it, as AWS reports it: the Glue job run's
/// <c>DPUSeconds</c> (its <c>--run_id</c> argument; billed at least one minute), the training job's <c>BillableTimeInSeconds</c>/<c>TrainingTimeInSeconds</c>
/// and <c>ResourceConfig</c>, the GB-seconds of the Lambda invocations for the run, the training execution's state
/// transitions, and the Express executions around it (the trigger that started it, the callbacks of its job).
/// </summary>
public static class RunCostRecorder
{
    /// <summary>
    /// Whether the run got as far as its evaluation (the evaluation Lambda wrote its <c>MODEL#&lt;runId&gt;</c> item with
    /// <c>evaluatedAt</c>): only such runs carry a cost, the same runs the <c>RunCost</c> metric is emitted for, so the
    /// dashboard's cost per run and <c>runs --json</c> agree. A run stopped earlier (contract, training failure) has none.
    /// </summary>
    public static bool ReachedEvaluation(JsonObject run, IEnumerable<JsonObject> items)
    {
        var model = TableKeys.Model(run["runId"]?.GetValue<string>() ?? "");
        return items.Any(i => i[TableKeys.SortKey]?.GetValue<string>() == model && i["evaluatedAt"] is not null);
    }

    public static JsonObject Estimate(LocalCloud cloud, JsonObject run)
    {
        var runId = run["runId"]?.GetValue<string>() ?? "";
        var dpuSeconds = cloud.Glue.Runs.Where(r => r.Arguments.TryGetValue("--run_id", out var id) && id == runId)
            .Select(r => r.ToJson())
            .Sum(r => PriceTable.GlueBilledDpuSeconds(r["DPUSeconds"]!.GetValue<double>(), r["MaxCapacity"]!.GetValue<double>()));
        var usage = new RunUsage { GlueDpuSeconds = dpuSeconds };
        if (run["trainingJobName"]?.GetValue<string>() is { Length: > 0 } jobName && TryDescribe(cloud, jobName) is { } job)
        {
            usage = usage with
            {
                TrainingInstanceType = job["ResourceConfig"]?["InstanceType"]?.GetValue<string>(),
                TrainingInstanceCount = job["ResourceConfig"]?["InstanceCount"]?.GetValue<int>() ?? 1,
                TrainingSeconds = job["TrainingTimeInSeconds"]?.GetValue<int>() ?? 0,
                BillableTrainingSeconds = job["BillableTimeInSeconds"]?.GetValue<int>() ?? 0,
            };
        }
        var invocations = cloud.Lambda.Invocations.Where(i => i.RunId == runId).ToList();
        var transitions = run["executionArn"]?.GetValue<string>() is { } arn
            ? cloud.Engine.GetExecutionHistory(arn).Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)) : 0;
        var callbacks = cloud.StateMachines.Where(m => m.Key.EndsWith("-callback", StringComparison.Ordinal))
            .SelectMany(m => cloud.Engine.ListExecutions(m.Value))
            .Count(e => run["trainingJobName"]?.GetValue<string>() is { Length: > 0 } name && e.Input.Contains(name, StringComparison.Ordinal));
        usage = usage with
        {
            LambdaGbSeconds = invocations.Sum(i => i.GbSeconds),
            LambdaRequests = invocations.Count,
            StateTransitions = transitions,
            ExpressExecutions = 1 + callbacks,
        };
        var cost = RunCostEstimator.Estimate(usage);
        return new JsonObject
        {
            ["totalUsd"] = Math.Round(cost.Total, 6),
            ["glueUsd"] = Math.Round(cost.Glue, 6),
            ["sageMakerUsd"] = Math.Round(cost.SageMaker, 6),
            ["spotSavingUsd"] = Math.Round(cost.SpotSaving, 6),
            ["lambdaUsd"] = Math.Round(cost.Lambda, 8),
            ["stepFunctionsUsd"] = Math.Round(cost.StepFunctions, 8),
            ["note"] = cost.Note,
            ["usage"] = new JsonObject
            {
                ["glueDpuSeconds"] = usage.GlueDpuSeconds,
                ["trainingInstanceType"] = usage.TrainingInstanceType,
                ["trainingInstanceCount"] = usage.TrainingInstanceCount,
                ["trainingTimeInSeconds"] = usage.TrainingSeconds,
                ["billableTimeInSeconds"] = usage.BillableTrainingSeconds,
                ["lambdaGbSeconds"] = Math.Round(usage.LambdaGbSeconds, 4),
                ["lambdaRequests"] = usage.LambdaRequests,
                ["stateTransitions"] = usage.StateTransitions,
                ["expressExecutions"] = usage.ExpressExecutions,
            },
            ["prices"] = new JsonObject { ["region"] = PriceTable.Region, ["transcribedOn"] = PriceTable.TranscribedOn, ["source"] = PriceTable.Source },
        };
    }

    private static JsonObject? TryDescribe(LocalCloud cloud, string jobName)
    {
        try
        {
            return TrainingJobDescription.ToJson(cloud.SageMaker.DescribeTrainingJob(jobName), TimestampStyle.EpochMillisecondsString);
        }
        catch (SageMakerServiceException)
        {
            return null;
        }
    }
}
