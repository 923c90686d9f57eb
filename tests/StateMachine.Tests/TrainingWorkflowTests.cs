using System.Text.Json.Nodes;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.StateMachine.Tests;

[Collection(SynthesisCollection.Name)]
public class TrainingWorkflowTests(SynthesizedPipelines synthesized)
{
    private readonly Definition _training = Definition.Of(synthesized, SynthesizedPipelines.Critical, "fraud-training");

    /// <summary>Failure-path steps catch into the next failure step instead of looping back into RecordRunFailed.</summary>
    private static readonly string[] FailurePath = ["RecordRunFailed", "NotifyFailure", "PageOnCall", "PublishRunFailed", "ReleaseLockAfterFailure"];
    /// <summary>The steps after the decision: a failure is recorded at <c>$.outcome.sideEffects</c> and the run goes on.</summary>
    private static readonly string[] SideEffects =
        ["MarkModelChampion", "RetirePreviousChampion", "ReadCandidateProfile", "AcceptProfile", "RegisterApprovedModel", "PublishModelPromoted", "RegisterRejectedModel", "PublishModelRejected", "NotifyOutcome",
         "CreateEndpointConfig", "DescribeCurrentEndpoint", "CreateEndpoint", "UpdateEndpoint", "DescribeEndpoint", "NotifyDeploymentProblem", "RecordDeployment"];

    [Theory]
    [InlineData("IdentifyRun", ":states:::dynamodb:getItem")]
    [InlineData("AcquirePipelineLock", ":states:::dynamodb:updateItem")]
    [InlineData("PipelineBusy", ":states:::dynamodb:updateItem")]
    [InlineData("RecordRerunOf", ":states:::dynamodb:updateItem")]
    [InlineData("ResetChangeCounter", ":states:::dynamodb:updateItem")]
    [InlineData("AdvanceTriggerGeneration", ":states:::dynamodb:updateItem")]
    [InlineData("RecordRunStarted", ":states:::dynamodb:putItem")]
    [InlineData("BuildFeatures", ":states:::glue:startJobRun.sync")]
    [InlineData("ValidateFeatures", "TasksValidateFeatures")]
    [InlineData("StartTrainingJob", ":states:::sagemaker:createTrainingJob")]
    [InlineData("WaitForTrainingJob", ":states:::aws-sdk:dynamodb:putItem.waitForTaskToken")]
    [InlineData("ReconcileTrainingJob", ":states:::aws-sdk:sagemaker:describeTrainingJob")]
    [InlineData("CreateCandidateModel", ":states:::sagemaker:createModel")]
    [InlineData("ScoreTestSplit", ":states:::sagemaker:createTransformJob.sync")]
    [InlineData("EvaluateCandidate", "TasksEvaluateModel")]
    [InlineData("PromoteCandidate", ":states:::dynamodb:updateItem")]
    [InlineData("CopyApprovedModel", ":states:::aws-sdk:s3:copyObject")]
    [InlineData("PublishModelPromoted", ":states:::events:putEvents")]
    [InlineData("PublishModelRejected", ":states:::events:putEvents")]
    [InlineData("RecordRunSucceeded", ":states:::dynamodb:updateItem")]
    [InlineData("NotifyOutcome", ":states:::sns:publish")]
    [InlineData("ReleasePipelineLock", ":states:::dynamodb:updateItem")]
    [InlineData("RecordRunFailed", ":states:::dynamodb:updateItem")]
    [InlineData("NotifyFailure", ":states:::sns:publish")]
    [InlineData("PageOnCall", ":states:::sns:publish")]
    [InlineData("PublishRunFailed", ":states:::events:putEvents")]
    [InlineData("ReleaseLockAfterFailure", ":states:::dynamodb:updateItem")]
    public void Every_workflow_task_is_present_with_its_integration(string state, string resource)
    {
        var task = _training.State(state);

        Assert.Equal("Task", task["Type"]!.GetValue<string>());
        Assert.Contains(resource, task["Resource"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("FeaturesPassContract?", "Choice")]
    [InlineData("PromoteOrReject?", "Choice")]
    [InlineData("TrainingJobCompleted?", "Choice")]
    [InlineData("NameTrainingJob", "Pass")]
    [InlineData("ValidationFailed", "Pass")]
    [InlineData("ChampionChanged", "Pass")]
    [InlineData("SkippedPipelineBusy", "Succeed")]
    [InlineData("RunEndedWithoutModel", "Succeed")]
    [InlineData("Done", "Succeed")]
    public void Control_states_have_their_readable_names(string state, string type) =>
        Assert.Equal(type, _training.State(state)["Type"]!.GetValue<string>());

    [Fact]
    public void Lambda_tasks_invoke_the_function_so_the_payload_lands_at_the_result_path()
    {
        var validate = _training.State("ValidateFeatures");

        Assert.EndsWith(".Arn}", validate["Resource"]!.GetValue<string>());
        Assert.Equal("$.validation", validate["ResultPath"]!.GetValue<string>());
        Assert.Equal("$.features.jobRun", validate["Parameters"]!["glueJobRun.$"]!.GetValue<string>());
        Assert.Equal("$.evaluation", _training.State("EvaluateCandidate")["ResultPath"]!.GetValue<string>());
    }

    [Fact]
    public void The_run_is_identified_then_locked_then_recorded_before_any_work()
    {
        Assert.Equal("IdentifyRun", _training.Root["StartAt"]!.GetValue<string>());
        Assert.Equal("AcquirePipelineLock", _training.State("IdentifyRun")["Next"]!.GetValue<string>());
        Assert.Equal("RecordRunStarted", _training.State("AcquirePipelineLock")["Next"]!.GetValue<string>());
        Assert.Equal("Rerun?", _training.State("RecordRunStarted")["Next"]!.GetValue<string>());
        Assert.Equal("NotifyTrainingStarted", _training.State("ChangeCounterReset")["Next"]!.GetValue<string>());
        Assert.Equal("BuildFeatures", _training.State("NotifyTrainingStarted")["Next"]!.GetValue<string>());
    }

    [Fact]
    public void Every_task_retries_transient_errors_with_full_jitter_and_never_retries_everything()
    {
        foreach (var (name, task) in _training.Tasks)
        {
            var retries = task["Retry"]?.AsArray() ?? throw new Xunit.Sdk.XunitException($"{name} has no Retry");
            var retry = Assert.Single(retries)!;
            Assert.Equal("FULL", retry["JitterStrategy"]!.GetValue<string>());
            Assert.Equal(2, retry["BackoffRate"]!.GetValue<double>());
            Assert.True(retry["MaxDelaySeconds"]!.GetValue<int>() > 0, name);
            var errors = retry["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
            Assert.DoesNotContain("States.ALL", errors);
            Assert.DoesNotContain("States.TaskFailed", errors);
        }
    }

    [Fact]
    public void No_task_outside_the_failure_path_catches_everything_so_a_failed_task_fails_the_execution_where_a_redrive_resumes()
    {
        foreach (var (name, task) in _training.Tasks.Where(t => !FailurePath.Contains(t.Name) && !SideEffects.Contains(t.Name)))
        {
            var caught = (task["Catch"]?.AsArray() ?? []).SelectMany(c => c!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>())).ToList();
            Assert.DoesNotContain("States.ALL", caught);
            Assert.DoesNotContain("States.TaskFailed", caught);
        }

        // The business outcomes still take the recorded path: the wait hands a failed training job to it.
        var wait = _training.State("WaitForTrainingJob")["Catch"]!.AsArray();
        Assert.Contains(wait, c => c!["Next"]!.GetValue<string>() == "WaitForTrainingJobFailed"
            && c["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).SequenceEqual(["TrainingJobFailed", "TrainingJobStopped"]));
    }

    [Fact]
    public void Every_catch_into_the_failure_path_leads_to_a_Pass_that_records_its_own_state_name()
    {
        var catches = _training.States
            .Where(s => !FailurePath.Contains(s.Key))
            .SelectMany(s => (s.Value!["Catch"]?.AsArray() ?? []).Select(c => (State: s.Key, Next: c!["Next"]!.GetValue<string>())))
            .Where(c => c.Next.EndsWith("Failed", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(catches);
        foreach (var (state, next) in catches)
        {
            Assert.Equal(state + "Failed", next);
            var pass = _training.State(next);
            Assert.Equal("Pass", pass["Type"]!.GetValue<string>());
            Assert.Equal(state, pass["Result"]!.GetValue<string>());
            Assert.Equal("$.failedState", pass["ResultPath"]!.GetValue<string>());
            Assert.Equal("RecordRunFailed", pass["Next"]!.GetValue<string>());
        }
    }

    [Fact]
    public void RecordRunFailed_is_entered_only_from_Passes_that_set_failedState_and_writes_it_to_the_run()
    {
        var into = _training.States
            .Where(s => s.Value!["Next"]?.GetValue<string>() == "RecordRunFailed"
                || (s.Value!["Catch"]?.AsArray() ?? []).Any(c => c!["Next"]!.GetValue<string>() == "RecordRunFailed"))
            .ToList();

        Assert.NotEmpty(into);
        Assert.All(into, s =>
        {
            Assert.Equal("Pass", s.Value!["Type"]!.GetValue<string>());
            Assert.Equal("$.failedState", s.Value!["ResultPath"]!.GetValue<string>());
        });
        var record = _training.State("RecordRunFailed")["Parameters"]!;
        Assert.Contains("#failedState = :failedState", record["UpdateExpression"]!.GetValue<string>());
        Assert.Equal("failedState", record["ExpressionAttributeNames"]!["#failedState"]!.GetValue<string>());
        Assert.Equal("$.failedState", record["ExpressionAttributeValues"]![":failedState"]!["S.$"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ValidationFailed", "ValidateFeaturesFailed")]
    [InlineData("ChampionChanged", "PromoteCandidateFailed")]
    [InlineData("TrainingJobNotCompleted", "WaitForTrainingJobFailed")]
    public void Failures_found_by_a_Choice_also_name_the_state_they_come_from(string pass, string next) =>
        Assert.Equal(next, _training.State(pass)["Next"]!.GetValue<string>());

    [Fact]
    public void The_business_failure_path_records_notifies_pages_publishes_releases_and_ends_the_execution_successfully()
    {
        Assert.Equal("NotifyFailure", _training.State("RecordRunFailed")["Next"]!.GetValue<string>());
        Assert.Equal("PageOnCall", _training.State("NotifyFailure")["Next"]!.GetValue<string>());
        Assert.Equal("PublishRunFailed", _training.State("PageOnCall")["Next"]!.GetValue<string>());
        Assert.Equal("ReleaseLockAfterFailure", _training.State("PublishRunFailed")["Next"]!.GetValue<string>());
        Assert.Equal("RunEndedWithoutModel", _training.State("ReleaseLockAfterFailure")["Next"]!.GetValue<string>());
        Assert.Equal("Succeed", _training.State("RunEndedWithoutModel")["Type"]!.GetValue<string>());
        Assert.Equal("#holder = :me", _training.State("ReleaseLockAfterFailure")["Parameters"]!["ConditionExpression"]!.GetValue<string>());
        Assert.Equal("Training Run Failed", _training.State("PublishRunFailed")["Parameters"]!["Entries"]![0]!["DetailType"]!.GetValue<string>());
    }

    [Fact]
    public void The_lock_is_conditional_held_for_a_redrive_and_a_busy_pipeline_is_a_recorded_skip()
    {
        var acquire = _training.State("AcquirePipelineLock");

        Assert.Equal("attribute_not_exists(#holder) OR #holder = :me", acquire["Parameters"]!["ConditionExpression"]!.GetValue<string>());
        var busy = acquire["Catch"]!.AsArray().First()!;
        Assert.Equal("DynamoDB.ConditionalCheckFailedException", busy["ErrorEquals"]![0]!.GetValue<string>());
        Assert.Equal("InspectLockHolder", busy["Next"]!.GetValue<string>());
        var holder = _training.State("LockHolderRunning?")["Choices"]!.AsArray();
        Assert.Equal("PipelineBusy", holder[0]!["Next"]!.GetValue<string>());
        Assert.Equal("TakeOverStaleLock", holder[1]!["Next"]!.GetValue<string>());
        Assert.Contains("$.rerunOf", holder[1]!.ToJsonString());
        Assert.Equal("PipelineBusy", holder[2]!["Next"]!.GetValue<string>());
        Assert.Contains("redriveUntil", holder[2]!.ToJsonString());
        var skip = _training.State("PipelineBusy")["Parameters"]!;
        Assert.Contains("#status = :skipped", skip["UpdateExpression"]!.GetValue<string>());
        Assert.Equal("SKIPPED", skip["ExpressionAttributeValues"]![":skipped"]!["S"]!.GetValue<string>());
        Assert.Equal("AdvanceTriggerGeneration?", _training.State("PipelineBusy")["Next"]!.GetValue<string>());
        Assert.Equal("#holder = :stale", _training.State("TakeOverStaleLock")["Parameters"]!["ConditionExpression"]!.GetValue<string>());
    }

    [Fact]
    public void The_training_job_name_carries_pipeline_run_and_redrive_count()
    {
        var name = _training.State("NameTrainingJob")["Parameters"]!["jobName.$"]!.GetValue<string>();

        Assert.Equal("States.Format('fraud-{}-r{}', $.runId, $$.Execution.RedriveCount)", name);
        Assert.Equal("$.training.jobName", _training.State("StartTrainingJob")["Parameters"]!["TrainingJobName.$"]!.GetValue<string>());
    }

    [Fact]
    public void The_training_job_uses_spot_checkpoints_the_region_image_and_the_spec_limits()
    {
        var request = _training.State("StartTrainingJob")["Parameters"]!;

        Assert.True(request["EnableManagedSpotTraining"]!.GetValue<bool>());
        Assert.True(request["EnableNetworkIsolation"]!.GetValue<bool>());
        Assert.Equal(3600, request["StoppingCondition"]!["MaxRuntimeInSeconds"]!.GetValue<int>());
        Assert.Equal(7200, request["StoppingCondition"]!["MaxWaitTimeInSeconds"]!.GetValue<int>());
        Assert.Contains("/models/checkpoints/fraud/{}/", request["CheckpointConfig"]!["S3Uri.$"]!.GetValue<string>());
        Assert.Matches(@"^\$\{Map:XgboostRegistry\w*\}\.dkr\.ecr\.\$\{AWS::Region\}\.\$\{AWS::URLSuffix\}/sagemaker-xgboost:1\.7-1$",
            request["AlgorithmSpecification"]!["TrainingImage"]!.GetValue<string>());
        Assert.Equal(["train", "validation"], request["InputDataConfig"]!.AsArray().Select(c => c!["ChannelName"]!.GetValue<string>()));
        Assert.All(request["InputDataConfig"]!.AsArray(), c => Assert.Equal("text/csv", c!["ContentType"]!.GetValue<string>()));
        Assert.Equal("200", request["HyperParameters"]!["num_round"]!.GetValue<string>());
        Assert.Contains("/models/raw/fraud/", request["OutputDataConfig"]!["S3OutputPath"]!.GetValue<string>());
        Assert.Contains("SageMakerExecutionRole", request["RoleArn"]!.GetValue<string>());
    }

    [Fact]
    public void The_task_token_wait_times_out_after_the_spot_wait_plus_ten_minutes_and_reconciles()
    {
        var wait = _training.State("WaitForTrainingJob");

        Assert.Equal(7200 + 600, wait["TimeoutSeconds"]!.GetValue<int>());
        var catches = wait["Catch"]!.AsArray();
        Assert.Equal("ReconcileTrainingJob", CatchFor(catches, "States.Timeout"));
        Assert.Equal("WaitForTrainingJobFailed", CatchFor(catches, "TrainingJobFailed"));
        Assert.Equal("WaitForTrainingJobFailed", CatchFor(catches, "TrainingJobStopped"));
        Assert.Equal("{% $merge([$states.input, {'training': $merge([$states.input.training, {'timeout': $states.errorOutput}])}]) %}",
            catches.Single(c => c!["Next"]!.GetValue<string>() == "ReconcileTrainingJob")!["Output"]!.GetValue<string>());
        Assert.All(catches, c => Assert.Null(c!["ResultPath"]));
        Assert.Equal("TrainingJobCompleted?", _training.State("ReconcileTrainingJob")["Next"]!.GetValue<string>());
    }

    [Fact]
    public void The_task_token_wait_is_a_JSONata_state_storing_the_token_item_with_a_TTL()
    {
        var wait = _training.State("WaitForTrainingJob");
        var item = wait["Arguments"]!["Item"]!;

        Assert.Equal("JSONata", wait["QueryLanguage"]!.GetValue<string>());
        Assert.Null(wait["Parameters"]);
        Assert.Null(wait["ResultPath"]);
        Assert.Equal("{% $states.context.Task.Token %}", item["taskToken"]!["S"]!.GetValue<string>());
        Assert.Equal("{% 'TOKEN#' & $states.input.training.jobName %}", item["pk"]!["S"]!.GetValue<string>());
        Assert.Equal("TOKEN", item["sk"]!["S"]!.GetValue<string>());
        Assert.Equal("fraud", item["pipeline"]!["S"]!.GetValue<string>());
        Assert.Equal("{% $states.context.Execution.Id %}", item["executionArn"]!["S"]!.GetValue<string>());
        Assert.Equal("{% $states.input.runId %}", item["runId"]!["S"]!.GetValue<string>());
        Assert.Equal("{% $states.context.State.EnteredTime %}", item["storedAt"]!["S"]!.GetValue<string>());
        Assert.Equal($"{{% $string($floor($toMillis($states.context.State.EnteredTime) / 1000) + {7200 + 600 + 7 * 24 * 3600}) %}}",
            item["expiresAt"]!["N"]!.GetValue<string>());
        Assert.Equal("{% $merge([$states.input, {'training': $merge([$states.input.training, {'result': $states.result}])}]) %}",
            wait["Output"]!.GetValue<string>());
        Assert.Equal("CreateCandidateModel", wait["Next"]!.GetValue<string>());
    }

    [Fact]
    public void Scoring_drops_the_label_going_in_and_joins_it_with_the_score_coming_out()
    {
        var score = _training.State("ScoreTestSplit")["Parameters"]!;

        Assert.Equal("$[1:]", score["DataProcessing"]!["InputFilter"]!.GetValue<string>());
        Assert.Equal("Input", score["DataProcessing"]!["JoinSource"]!.GetValue<string>());
        Assert.Equal("$[0,-1]", score["DataProcessing"]!["OutputFilter"]!.GetValue<string>());
        Assert.Equal("Line", score["TransformInput"]!["SplitType"]!.GetValue<string>());
        Assert.Contains("/features/fraud/run={}/test/", score["TransformInput"]!["DataSource"]!["S3DataSource"]!["S3Uri.$"]!.GetValue<string>());
        Assert.Contains("/reports/fraud/run={}/predictions/", score["TransformOutput"]!["S3OutputPath.$"]!.GetValue<string>());
        // The transform's volume and output are encrypted with the stack's key (the fixture's instance has no NVMe store).
        Assert.Contains("StorageKey", score["TransformResources"]!["VolumeKmsKeyId"]!.ToJsonString());
        Assert.Contains("StorageKey", score["TransformOutput"]!["KmsKeyId"]!.ToJsonString());
    }

    [Fact]
    public void Promotion_only_succeeds_when_the_champion_is_unchanged()
    {
        var promote = _training.State("PromoteCandidate");

        Assert.Equal("attribute_not_exists(#runId) OR #runId = :expected", promote["Parameters"]!["ConditionExpression"]!.GetValue<string>());
        Assert.Equal("$.evaluation.expectedChampionRunId", promote["Parameters"]!["ExpressionAttributeValues"]![":expected"]!["S.$"]!.GetValue<string>());
        Assert.Equal("ChampionChanged", CatchFor(promote["Catch"]!.AsArray(), "DynamoDB.ConditionalCheckFailedException"));
        Assert.Equal("PromoteCandidate", _training.State("CopyApprovedModel")["Next"]!.GetValue<string>());
        Assert.Equal("MarkModelChampion", promote["Next"]!.GetValue<string>());
        Assert.Contains("models/approved/fraud/{}/model.tar.gz", _training.State("CopyApprovedModel")["Parameters"]!["Key.$"]!.GetValue<string>());
        Assert.Contains("models/approved/fraud/{}/model.tar.gz", promote["Parameters"]!["ExpressionAttributeValues"]![":artifact"]!["S.$"]!.GetValue<string>());
    }

    [Fact]
    public void Every_step_after_the_decision_records_its_failure_as_a_side_effect_and_goes_on()
    {
        foreach (var name in SideEffects)
        {
            var state = _training.State(name);
            var catchAll = state["Catch"]!.AsArray().Last()!;
            Assert.True(catchAll["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).SequenceEqual(["States.ALL"]), name);
            Assert.Equal($"$.outcome.sideEffects.{name}", catchAll["ResultPath"]!.GetValue<string>());
            Assert.DoesNotContain("Failed", catchAll["Next"]!.GetValue<string>());
        }
        Assert.Equal("ApprovedModelNotRegistered", _training.State("RegisterApprovedModel")["Catch"]!.AsArray().Last()!["Next"]!.GetValue<string>());
        Assert.Equal("PROMOTED", _training.State("PromoteCandidate")["ResultSelector"]!["decision"]!.GetValue<string>());
        Assert.Equal("REJECTED", _training.State("CandidateRejected")["Parameters"]!["decision"]!.GetValue<string>());
    }

    [Fact]
    public void Each_candidate_becomes_a_model_package_with_its_approval_status_and_metrics_report()
    {
        var approved = _training.State("RegisterApprovedModel");
        var rejected = _training.State("RegisterRejectedModel");

        Assert.EndsWith(":states:::aws-sdk:sagemaker:createModelPackage", approved["Resource"]!.GetValue<string>());
        Assert.Equal("Approved", approved["Parameters"]!["ModelApprovalStatus"]!.GetValue<string>());
        Assert.Equal("Rejected", rejected["Parameters"]!["ModelApprovalStatus"]!.GetValue<string>());
        Assert.Equal("TrainingOrchestration-fraud", approved["Parameters"]!["ModelPackageGroupName"]!.GetValue<string>());
        var statistics = approved["Parameters"]!["ModelMetrics"]!["ModelQuality"]!["Statistics"]!;
        Assert.Equal("application/json", statistics["ContentType"]!.GetValue<string>());
        Assert.Equal("$.evaluation.modelMetricsUri", statistics["S3Uri.$"]!.GetValue<string>());
        Assert.Equal("$.outcome.artifact", approved["Parameters"]!["InferenceSpecification"]!["Containers"]![0]!["ModelDataUrl.$"]!.GetValue<string>());
        var detail = _training.State("PublishModelPromoted")["Parameters"]!["Entries"]![0]!["Detail"]!;
        Assert.Equal("$.outcome.artifact", detail["artifact.$"]!.GetValue<string>());
        Assert.Equal("$.modelPackage.ModelPackageArn", detail["modelPackageArn.$"]!.GetValue<string>());
    }

    [Fact]
    public void Glue_runs_the_pipeline_job_with_its_sql_split_and_bookmarks()
    {
        var arguments = _training.State("BuildFeatures")["Parameters"]!["Arguments"]!;

        Assert.Equal("fraud-features", _training.State("BuildFeatures")["Parameters"]!["JobName"]!.GetValue<string>());
        Assert.Equal("0.7,0.2,0.1", arguments["--split"]!.GetValue<string>());
        Assert.Equal("job-bookmark-enable", arguments["--job-bookmark-option"]!.GetValue<string>());
        Assert.Equal("payment_id", arguments["--entity_key"]!.GetValue<string>());
        Assert.Equal("disputed", arguments["--label"]!.GetValue<string>());
        Assert.Equal("payments", arguments["--source_table"]!.GetValue<string>());
        Assert.Equal("$.runId", arguments["--run_id.$"]!.GetValue<string>());
        Assert.StartsWith("s3://", arguments["--sql_s3_uri"]!.GetValue<string>());
    }

    [Fact]
    public void An_exploratory_pipeline_without_success_notifications_skips_them_and_does_not_page()
    {
        var leads = Definition.Of(synthesized, SynthesizedPipelines.Exploratory, "leads-training");

        Assert.False(leads.States.ContainsKey("NotifyOutcome"));
        Assert.False(leads.States.ContainsKey("PageOnCall"));
        Assert.Equal("ReleasePipelineLock", leads.State("RecordRunSucceeded")["Next"]!.GetValue<string>());
        Assert.False(leads.State("StartTrainingJob")["Parameters"]!["EnableManagedSpotTraining"]!.GetValue<bool>());
        Assert.Equal(45 * 60 + 600, leads.State("WaitForTrainingJob")["TimeoutSeconds"]!.GetValue<int>());
    }

    private static string CatchFor(JsonArray catches, string error) =>
        catches.Single(c => c!["ErrorEquals"]!.AsArray().Any(e => e!.GetValue<string>() == error))!["Next"]!.GetValue<string>();
}
