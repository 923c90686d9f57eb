using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.CloudWatch;

/// <summary>
/// The metrics AWS services publish on their own, with AWS's namespaces, names, units and dimensions, written by the
/// local stand-ins into the <see cref="LocalMetricStore"/>:
/// <list type="bullet">
/// <item>AWS/States, dimension <c>StateMachineArn</c>: <c>ExecutionsStarted</c> at the start, one of
/// <c>ExecutionsSucceeded</c>/<c>ExecutionsFailed</c>/<c>ExecutionsTimedOut</c>/<c>ExecutionsAborted</c> and
/// <c>ExecutionTime</c> (Milliseconds) at the end (https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html;
/// the CDK's canned <c>StatesMetrics</c> name the same ones);</item>
/// <item>Glue, dimensions <c>JobName</c>, <c>JobRunId</c> (the run's id and <c>ALL</c>), <c>Type</c> <c>count</c>:
/// <c>glue.driver.aggregate.elapsedTime</c> (ms), published when job metrics are enabled (<c>--enable-metrics</c>)
/// (https://docs.aws.amazon.com/glue/latest/dg/monitoring-awsglue-with-cloudwatch-metrics.html);</item>
/// <item>/aws/sagemaker/TrainingJobs, dimension <c>Host</c> = <c>&lt;job name&gt;/algo-1</c>: the algorithm's metrics
/// (<c>validation:auc</c>, <c>train:logloss</c>...) (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).</item>
/// </list>
/// </summary>
public static class ServiceMetrics
{
    public const string States = "AWS/States";
    public const string Glue = "Glue";
    public const string TrainingJobs = "/aws/sagemaker/TrainingJobs";

    /// <summary>The execution's metrics (started, and if it ended, its outcome and duration).</summary>
    public static IReadOnlyList<MetricDatum> ForExecution(ExecutionDescription execution)
    {
        var dims = new Dictionary<string, string> { ["StateMachineArn"] = execution.StateMachineArn };
        var data = new List<MetricDatum> { new(States, "ExecutionsStarted", dims, execution.StartDate, 1, "Count", "states") };
        if (execution.StopDate is not { } stop) return data;
        var outcome = execution.Status switch
        {
            ExecutionStatus.Succeeded => "ExecutionsSucceeded",
            ExecutionStatus.Failed => "ExecutionsFailed",
            ExecutionStatus.TimedOut => "ExecutionsTimedOut",
            ExecutionStatus.Aborted => "ExecutionsAborted",
            _ => null,
        };
        if (outcome is null) return data;
        data.Add(new(States, outcome, dims, stop, 1, "Count", "states"));
        data.Add(new(States, "ExecutionTime", dims, stop, (stop - execution.StartDate).TotalMilliseconds, "Milliseconds", "states"));
        return data;
    }

    /// <summary>A finished Glue job run's driver metrics, for the run and for ALL runs of the job.</summary>
    public static IReadOnlyList<MetricDatum> ForGlueJobRun(string jobName, string jobRunId, DateTimeOffset startedOn, DateTimeOffset completedOn) =>
        new[] { jobRunId, "ALL" }.Select(run => new MetricDatum(Glue, "glue.driver.aggregate.elapsedTime",
            new Dictionary<string, string> { ["JobName"] = jobName, ["JobRunId"] = run, ["Type"] = "count" },
            completedOn, (completedOn - startedOn).TotalMilliseconds, "Milliseconds", "glue")).ToList();

    /// <summary>A finished training job's algorithm metrics on its single host.</summary>
    public static IReadOnlyList<MetricDatum> ForTrainingJob(string jobName, IReadOnlyDictionary<string, double> finalMetrics, DateTimeOffset at) =>
        finalMetrics.Where(m => double.IsFinite(m.Value)).Select(m => new MetricDatum(TrainingJobs, m.Key,
            new Dictionary<string, string> { ["Host"] = $"{jobName}/algo-1" }, at, m.Value, "None", "sagemaker")).ToList();
}
