using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue;

public sealed class GlueServiceIntegrationTests
{
    [Fact]
    public async Task A_sync_job_run_returns_a_succeeded_JobRun_shaped_like_Glues()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        var integration = new GlueServiceIntegration(new LocalGlueService(ws.Runner()));

        var result = (JsonObject)(await integration.InvokeAsync(Request(ws, "arn:aws:states:::glue:startJobRun.sync"), default))!;

        Assert.Matches(new Regex("^jr_[0-9a-f]{64}$"), (string)result["Id"]!);
        Assert.Equal("SUCCEEDED", (string?)result["JobRunState"]);
        Assert.Equal(FeatureWorkspace.JobName, (string?)result["JobName"]);
        Assert.Equal("r1", (string?)result["Arguments"]!["--run_id"]);
        Assert.True((long)result["CompletedOn"]! >= (long)result["StartedOn"]!);
        Assert.True((int)result["ExecutionTime"]! >= 1);
        Assert.Null(result["ErrorMessage"]);
    }

    [Fact]
    public async Task A_failed_sync_job_run_fails_the_task_with_States_TaskFailed_and_the_JobRun_as_cause()
    {
        using var ws = new FeatureWorkspace();
        var integration = new GlueServiceIntegration(new LocalGlueService(ws.Runner()));

        var error = await Assert.ThrowsAsync<TaskFailedException>(() =>
            integration.InvokeAsync(Request(ws, "arn:aws:states:::glue:startJobRun.sync"), default));

        Assert.Equal("States.TaskFailed", error.Error);
        var cause = JsonNode.Parse(error.Cause!)!;
        Assert.Equal("FAILED", (string?)cause["JobRunState"]);
        Assert.Contains("raw/customers/", (string?)cause["ErrorMessage"]);
    }

    [Fact]
    public async Task An_unknown_job_fails_with_Glues_EntityNotFoundException()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        var jobs = new Dictionary<string, GlueJobDefinition> { ["other"] = new("other", new Dictionary<string, string>()) };
        var integration = new GlueServiceIntegration(new LocalGlueService(ws.Runner(), jobs));

        var error = await Assert.ThrowsAsync<TaskFailedException>(() =>
            integration.InvokeAsync(Request(ws, "arn:aws:states:::glue:startJobRun.sync"), default));

        Assert.Equal("Glue.EntityNotFoundException", error.Error);
    }

    [Fact]
    public void Only_the_glue_startJobRun_resources_are_handled()
    {
        var integration = new GlueServiceIntegration(new LocalGlueService(new FeatureJobRunner("/tmp/none", "/tmp/none")));

        Assert.True(integration.CanHandle("arn:aws:states:::glue:startJobRun.sync"));
        Assert.True(integration.CanHandle("arn:aws:states:::glue:startJobRun"));
        Assert.False(integration.CanHandle("arn:aws:states:::sagemaker:createTrainingJob"));
    }

    private static TaskRequest Request(FeatureWorkspace ws, string resource)
    {
        var parameters = new JsonObject
        {
            ["JobName"] = FeatureWorkspace.JobName,
            ["Arguments"] = new JsonObject(ws.Arguments("r1").Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
        };
        var context = new TaskContext("arn:aws:states:us-east-1:123456789012:execution:churn-training:x",
            "arn:aws:states:us-east-1:123456789012:stateMachine:churn-training", "BuildFeatures", 0, new VirtualClock(), null!);
        return new TaskRequest(resource, "glue", "startJobRun",
            resource.EndsWith(".sync", StringComparison.Ordinal) ? IntegrationPattern.Sync : IntegrationPattern.RequestResponse,
            false, parameters, null, context);
    }
}
