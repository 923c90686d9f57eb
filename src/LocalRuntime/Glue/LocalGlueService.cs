using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// The local Glue: StartJobRun runs the feature job to completion and records the JobRun; GetJobRun answers from
/// the record. Every registered job runs the feature job (the only Glue job the product deploys).
/// </summary>
/// <param name="jobs">The stack's Glue jobs by name; <c>null</c> accepts any job name with default capacity.</param>
/// <param name="metrics">Where a finished run's job metrics go (jobs with <c>--enable-metrics</c>), as Glue publishes them.</param>
public sealed class LocalGlueService(FeatureJobRunner runner, IReadOnlyDictionary<string, GlueJobDefinition>? jobs = null,
    CloudWatch.LocalMetricStore? metrics = null)
{
    private readonly ConcurrentDictionary<string, GlueJobRun> _runs = new(StringComparer.Ordinal);

    /// <summary>Runs the job synchronously; a failed job is a FAILED JobRun with Glue's ErrorMessage, not an exception.</summary>
    /// <exception cref="GlueServiceException">The job does not exist (<c>EntityNotFoundException</c>).</exception>
    public GlueJobRun StartJobRun(string jobName, IReadOnlyDictionary<string, string>? runArguments, DateTimeOffset startedOn,
        CancellationToken cancellationToken = default)
    {
        var job = ResolveJob(jobName);
        var arguments = new Dictionary<string, string>(job.DefaultArguments, StringComparer.Ordinal);
        foreach (var (key, value) in runArguments ?? new Dictionary<string, string>()) arguments[key] = value;

        var id = "jr_" + RandomNumberGenerator.GetHexString(64, lowercase: true);
        var stopwatch = Stopwatch.StartNew();
        FeatureJobOutcome? outcome = null;
        string? error = null;
        try
        {
            outcome = runner.Run(job.Name, FeatureJobArguments.Parse(arguments), cancellationToken);
        }
        catch (FeatureJobException e)
        {
            error = e.Message;
        }
        var run = new GlueJobRun(id, job, runArguments ?? new Dictionary<string, string>(), startedOn, startedOn + stopwatch.Elapsed,
            error is null ? "SUCCEEDED" : "FAILED", error, outcome);
        _runs[id] = run;
        if (arguments.TryGetValue("--enable-metrics", out var enabled) && enabled == "true")
        {
            metrics?.Add(CloudWatch.ServiceMetrics.ForGlueJobRun(job.Name, id, run.StartedOn, run.CompletedOn));
        }
        return run;
    }

    /// <summary>Every run so far (the usage a run's cost estimate reads).</summary>
    public IReadOnlyList<GlueJobRun> Runs => _runs.Values.OrderBy(r => r.StartedOn).ToList();

    /// <exception cref="GlueServiceException">No such run (<c>EntityNotFoundException</c>).</exception>
    public GlueJobRun GetJobRun(string jobName, string runId) =>
        _runs.TryGetValue(runId, out var run) && run.Job.Name == jobName
            ? run
            : throw new GlueServiceException("EntityNotFoundException", $"Job run {runId} for job {jobName} not found");

    private GlueJobDefinition ResolveJob(string jobName)
    {
        if (jobs is null) return new GlueJobDefinition(jobName, new Dictionary<string, string>());
        return jobs.TryGetValue(jobName, out var job)
            ? job
            : throw new GlueServiceException("EntityNotFoundException", "Failed to start job run due to missing metadata");
    }
}
