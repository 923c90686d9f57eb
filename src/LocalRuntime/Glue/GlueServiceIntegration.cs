using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Faults;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// Step Functions' optimized Glue integration over <see cref="LocalGlueService"/>: <c>glue:startJobRun</c> returns
/// <c>{JobRunId}</c>; <c>glue:startJobRun.sync</c> returns the finished JobRun, and a run that did not succeed fails
/// the task with <c>States.TaskFailed</c> and the JobRun as JSON in the cause, as on AWS.
/// </summary>
public sealed partial class GlueServiceIntegration(LocalGlueService glue) : IServiceIntegration
{
    public bool CanHandle(string resource) => ResourcePattern().IsMatch(resource);

    public Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var parameters = request.Parameters as JsonObject
            ?? throw new TaskFailedException("States.Runtime", "glue:startJobRun needs Parameters with JobName");
        var jobName = parameters["JobName"]?.GetValue<string>()
            ?? throw new TaskFailedException("Glue.InvalidInputException", "1 validation error detected: Value null at 'jobName' failed to satisfy constraint: Member must not be null");
        var arguments = parameters["Arguments"] is JsonObject args
            ? args.ToDictionary(a => a.Key, a => a.Value?.ToString() ?? "", StringComparer.Ordinal)
            : null;

        GlueJobRun run;
        try
        {
            run = glue.StartJobRun(jobName, arguments, request.Context.Clock.UtcNow, cancellationToken);
        }
        catch (GlueServiceException e)
        {
            throw AwsErrorNames.For("glue:startJobRun", e.ErrorCode, e.Message, 400);
        }

        if (request.Pattern != IntegrationPattern.Sync) return Task.FromResult<JsonNode?>(new JsonObject { ["JobRunId"] = run.Id });
        if (run.JobRunState != "SUCCEEDED") throw new TaskFailedException("States.TaskFailed", run.ToJson().ToJsonString());
        return Task.FromResult<JsonNode?>(run.ToJson());
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:states:[^:]*:[^:]*:glue:startJobRun(\.sync)?$")]
    private static partial Regex ResourcePattern();
}
