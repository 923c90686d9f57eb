using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests.Events;

[Collection(SynthesisCollection.Name)]
public class RulesTests(SynthesizedPipelines synthesized)
{
    [Fact]
    public void Training_job_state_changes_of_this_pipeline_start_the_callback_workflow()
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["EventPattern"] = new Dictionary<string, object>
            {
                ["source"] = new[] { "aws.sagemaker" },
                ["detail-type"] = new[] { "SageMaker Training Job State Change" },
                ["detail"] = new Dictionary<string, object>
                {
                    ["TrainingJobStatus"] = new[] { "Completed", "Failed", "Stopped" },
                    ["TrainingJobName"] = new object[] { new Dictionary<string, object> { ["prefix"] = "fraud-" } },
                },
            },
            ["Targets"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Arn"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("CallbackWorkflowStateMachine") }) }) },
        });
    }

    [Fact]
    public void Training_executions_that_fail_time_out_abort_or_are_redriven_start_the_run_status_workflow_with_a_dead_letter_queue()
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["EventPattern"] = new Dictionary<string, object>
            {
                ["source"] = new[] { "aws.states" },
                ["detail-type"] = new[] { "Step Functions Execution Status Change" },
                ["detail"] = new Dictionary<string, object>
                {
                    ["stateMachineArn"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("TrainingWorkflowStateMachine") }) },
                    ["status"] = new[] { "FAILED", "TIMED_OUT", "ABORTED", "RUNNING" },
                },
            },
            ["Targets"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Arn"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("RunStatusWorkflowStateMachine") }),
                    ["DeadLetterConfig"] = Match.ObjectLike(new Dictionary<string, object>()),
                }),
            },
        });
    }

    [Fact]
    public void The_run_status_workflow_reads_and_stops_only_training_executions_of_its_pipeline()
    {
        var template = synthesized.Templates[SynthesizedPipelines.Critical];
        var policies = template.FindResources("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["Roles"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("RunStatusWorkflowStateMachineRole") }) } },
        });
        var statements = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(policies))!.AsObject()
            .SelectMany(p => p.Value!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(st => st!["Action"]!.ToJsonString().Contains("states:", StringComparison.Ordinal)).ToList();
        var json = string.Join("\n", statements.Select(st => st!.ToJsonString()));
        Assert.Contains("states:GetExecutionHistory", json);
        Assert.Contains("states:StopExecution", json);
        Assert.All(statements, st =>
        {
            Assert.NotEqual("*", st!["Resource"]!.ToJsonString().Trim('"'));
            Assert.Contains(":execution:fraud-training:*", st["Resource"]!.ToJsonString());
        });
    }

    [Theory]
    [InlineData(SynthesizedPipelines.Critical, "fraud-run-status", 86_400_000L)]
    [InlineData(SynthesizedPipelines.Exploratory, "leads-run-status", 7_200_000L)]
    public void A_failed_run_holds_the_lock_for_its_pipelines_redrive_window(string pipeline, string machine, long windowMs)
    {
        var definition = synthesized.Resources(pipeline, "AWS::StepFunctions::StateMachine")
            .Select(r => r.Resource["Properties"]!.ToJsonString())
            .Single(json => json.Contains(machine, StringComparison.Ordinal));

        Assert.Contains($"{windowMs})", definition);
    }

    [Fact]
    public void Cdc_events_through_pipes_match_source_detail_type_and_table()
    {
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["EventPattern"] = new Dictionary<string, object>
            {
                ["source"] = new[] { "training-orchestration.cdc" },
                ["detail-type"] = new[] { "Table Change" },
                ["detail"] = new Dictionary<string, object> { ["table"] = new[] { "payments" } },
            },
            ["Targets"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Arn"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("TriggerWorkflowStateMachine") }) }) },
        });
    }

    [Fact]
    public void Dms_files_match_object_created_under_the_raw_table_prefix_of_the_bucket()
    {
        synthesized.Templates[SynthesizedPipelines.Exploratory].HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["EventPattern"] = new Dictionary<string, object>
            {
                ["source"] = new[] { "aws.s3" },
                ["detail-type"] = new[] { "Object Created" },
                ["detail"] = new Dictionary<string, object>
                {
                    ["bucket"] = new Dictionary<string, object> { ["name"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("StorageBucket") }) } },
                    ["object"] = new Dictionary<string, object> { ["key"] = new object[] { new Dictionary<string, object> { ["prefix"] = "raw/leads/" } } },
                },
            },
        });
    }

    [Theory]
    [InlineData(SynthesizedPipelines.Critical, "cron(0 * * * ? *)")]
    [InlineData(SynthesizedPipelines.Exploratory, "rate(12 hours)")]
    public void The_cadence_schedule_starts_the_trigger_workflow(string pipeline, string schedule)
    {
        synthesized.Templates[pipeline].HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["ScheduleExpression"] = schedule,
            ["Targets"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Arn"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("TriggerWorkflowStateMachine") }) }) },
        });
    }
}
