using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Mocks;

public sealed class RedriveAndMockTests
{
    private const string Chain = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Result":{"prepared":true},"Next":"Train"},
          "Train":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTrainingJob","Next":"Finish"},
          "Finish":{"Type":"Pass","End":true}}}
        """;

    private const string Mocks = """
        {"StateMachines":{"Chain":{"TestCases":{
            "FailsOnce":{"Train":"FailThenSucceed"},
            "Retried":{"Train":"FailThenSucceed"}}}},
         "MockedResponses":{
            "FailThenSucceed":{"0":{"Throw":{"Error":"SageMaker.ResourceLimitExceeded","Cause":"quota"}},
                               "1-2":{"Throw":{"Error":"SageMaker.ThrottlingException","Cause":"slow down"}},
                               "3":{"Return":{"TrainingJobArn":"arn:job"}}}}}
        """;

    [Fact]
    public async Task Mocked_responses_follow_the_invocation_number_including_ranges()
    {
        var harness = new Harness();
        var retried = Chain.Replace("\"Next\":\"Finish\"}", "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":5}],\"Next\":\"Finish\"}");

        var result = await harness.RunAsync(retried, options: new ExecutionOptions(MockConfig.Parse(Mocks), "Retried"), name: "Chain");

        Assert.Equal("""{"TrainingJobArn":"arn:job"}""", result.Output);
        var failures = harness.Engine.GetExecutionHistory(result.ExecutionArn).Where(e => e.Type == "TaskFailed")
            .Select(e => e.Details!["error"]!.GetValue<string>());
        Assert.Equal(["SageMaker.ResourceLimitExceeded", "SageMaker.ThrottlingException", "SageMaker.ThrottlingException"], failures);
    }

    [Fact]
    public async Task Redrive_resumes_at_the_failed_state_with_its_original_input_without_rerunning_earlier_states()
    {
        var harness = new Harness();
        var mocks = MockConfig.Parse("""
            {"StateMachines":{"Chain":{"TestCases":{"FailsOnce":{"Train":"FailOnce"}}}},
             "MockedResponses":{"FailOnce":{"0":{"Throw":{"Error":"SageMaker.ResourceLimitExceeded","Cause":"quota"}},"1":{"Return":{"seen":"ok"}}}}}
            """);
        var failed = await harness.RunAsync(Chain, options: new ExecutionOptions(mocks, "FailsOnce"), name: "Chain");

        harness.Engine.RedriveExecution(failed.ExecutionArn);
        var done = await harness.WaitAsync(failed.ExecutionArn);

        Assert.Equal("SageMaker.ResourceLimitExceeded", failed.Error);
        Assert.Equal(ExecutionStatus.Succeeded, done.Status);
        Assert.Equal("""{"seen":"ok"}""", done.Output);
        Assert.Equal(1, done.RedriveCount);
        var types = harness.EventTypes(failed.ExecutionArn);
        var entered = harness.Engine.GetExecutionHistory(failed.ExecutionArn).Where(e => e.Type == "PassStateEntered")
            .Select(e => e.Details!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Prepare", "Finish"], entered);
        Assert.Equal(2, types.Count(t => t == "TaskStateEntered"));
        Assert.Contains("ExecutionRedriven", types);
    }

    [Fact]
    public async Task Redriving_a_succeeded_execution_is_refused()
    {
        var harness = new Harness();
        var done = await harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var refused = Assert.Throws<StepFunctionsApiException>(() => harness.Engine.RedriveExecution(done.ExecutionArn));

        Assert.Equal("ExecutionNotRedrivable", refused.ErrorCode);
    }

    [Fact]
    public async Task Redriving_a_Map_reruns_only_the_iterations_that_failed()
    {
        var calls = new List<int>();
        var failOnce = new HashSet<int> { 1, 3 };
        var harness = new Harness().With(new RecordingIntegration("arn:aws:states:::lambda:invoke", (request, _) =>
        {
            var item = request.Parameters!["item"]!.GetValue<int>();
            lock (calls)
            {
                calls.Add(item);
                if (failOnce.Remove(item)) throw new TaskFailedException("Lambda.ServiceException", $"item {item}");
            }
            return Task.FromResult<JsonNode?>(JsonValue.Create(item * 10));
        }));
        var definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,
              "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"item.$":"$"},"End":true}}},
              "End":true}}}
            """;

        var failed = await harness.RunAsync(definition, """{"items":[0,1,2,3]}""");
        harness.Engine.RedriveExecution(failed.ExecutionArn);
        var first = await harness.WaitAsync(failed.ExecutionArn);
        if (first.Status == ExecutionStatus.Failed) harness.Engine.RedriveExecution(failed.ExecutionArn);
        var done = await harness.WaitAsync(failed.ExecutionArn);

        Assert.Equal(ExecutionStatus.Succeeded, done.Status);
        Assert.Equal("[0,10,20,30]", done.Output);
        Assert.Equal(2, calls.Count(c => c == 1));
        Assert.Equal(1, calls.Count(c => c == 0));
    }

    [Fact]
    public void A_mock_config_with_a_bad_invocation_key_is_rejected_naming_where()
    {
        var error = Assert.Throws<FormatException>(() => MockConfig.Parse("""{"MockedResponses":{"R":{"one":{"Return":1}}}}"""));

        Assert.Contains("MockedResponses.R", error.Message);
        Assert.Contains("'one'", error.Message);
    }

    [Fact]
    public void Starting_with_a_test_case_the_mock_config_lacks_is_refused_and_leaves_no_execution()
    {
        var harness = new Harness();
        var machine = harness.Create(Chain, "Chain");

        var error = Assert.Throws<StepFunctionsApiException>(() =>
            harness.Engine.StartExecution(machine, "run-1", "{}", new ExecutionOptions(MockConfig.Parse(Mocks), "NoSuchCase")));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Empty(harness.Engine.ListExecutions(machine));
    }
}
