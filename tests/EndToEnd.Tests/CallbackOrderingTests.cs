using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.SageMaker;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>The state-change event and the task token meet in either order, or not at all, and the run still completes training.</summary>
[Collection(ChurnStackCollection.Name)]
public sealed class CallbackOrderingTests(ChurnStackFixture stack)
{
    [Fact]
    public async Task State_change_event_that_arrives_before_the_token_is_stored_waits_for_it_and_completes_the_task()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Engine.Dispatcher.Add(new CreateTrainingJobAndWaitForItsEvent(cloud));

        await session.SendCdcEventAsync(stack.SampleEvent);

        var callback = Assert.Single(session.ExecutionsOf("callback"));
        var callbackPath = session.PathOf(callback);
        Assert.Contains("WaitForTokenToBeStored", callbackPath);
        Assert.Contains("ReportTrainingSucceeded", callbackPath);
        var training = Assert.Single(session.ExecutionsOf("training"));
        var trainingPath = session.PathOf(training);
        Assert.Contains("CreateCandidateModel", trainingPath);
        Assert.DoesNotContain("ReconcileTrainingJob", trainingPath);
        var jobName = Assert.Single(cloud.Bus.Events, e => e.DetailType == "SageMaker Training Job State Change").Event["detail"]!["TrainingJobName"].Text();
        var token = (await cloud.DynamoDb.GetItemAsync(session.TableName, new()
        {
            ["pk"] = new() { S = $"TOKEN#{jobName}" },
            ["sk"] = new() { S = "TOKEN" },
        })).Item;
        Assert.True(token.ContainsKey("consumedAt"), "the callback claimed the token");
    }

    [Fact]
    public async Task Lost_state_change_event_times_out_and_the_run_reconciles_with_DescribeTrainingJob()
    {
        await using var cloud = (await stack.StartAsync()).Cloud;
        var session = new PipelineSession(cloud, stack.Spec);
        cloud.Bus.LoseEventsWhere(e => e["source"]?.GetValue<string>() == "aws.sagemaker");

        await session.SendCdcEventAsync(stack.SampleEvent);

        Assert.Empty(session.ExecutionsOf("callback"));
        var training = Assert.Single(session.ExecutionsOf("training"));
        var path = session.PathOf(training);
        Assert.Contains("ReconcileTrainingJob", path);
        Assert.Contains("CreateCandidateModel", path);
        Assert.Contains(cloud.Bus.Events, e => e.DetailType == "SageMaker Training Job State Change" && e.Deliveries.Any(d => d.Error is not null));
        var run = await session.SingleRunAsync();
        Assert.NotEqual("RUNNING", run["status"].Text());
        Assert.DoesNotContain("TrainingJobFailed", run["error"].Text());
    }

    /// <summary>
    /// Creates the training job for real, then keeps the Task busy until the job has ended and its event has been
    /// delivered, so the callback runs before WaitForTrainingJob stores the token.
    /// </summary>
    private sealed class CreateTrainingJobAndWaitForItsEvent(LocalCloud cloud) : IServiceIntegration
    {
        private readonly SageMakerServiceIntegration _sageMaker = new(cloud.SageMaker);

        public bool CanHandle(string resource) => resource.EndsWith(":sagemaker:createTrainingJob", StringComparison.Ordinal);

        public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
        {
            var result = await _sageMaker.InvokeAsync(request, cancellationToken);
            var name = request.Parameters!["TrainingJobName"]!.GetValue<string>();
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (!cloud.Bus.Events.Any(e => e.DetailType == "SageMaker Training Job State Change" && e.Event["detail"]?["TrainingJobName"]?.GetValue<string>() == name))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"training job {name} published no state change");
                await Task.Delay(20, cancellationToken);
            }
            return result;
        }
    }
}
