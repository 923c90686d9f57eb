using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// Train the model (WORKFLOW.md steps 6 and 7): name the job, create it with the optimized request-response integration,
/// then park on a <c>.waitForTaskToken</c> DynamoDB write that stores the token under the job name for the callback
/// workflow. If no callback comes before the timeout, the job is reconciled with DescribeTrainingJob.
/// </summary>
internal sealed class TrainModel
{
    public const string JobNamePath = "$.training.jobName";

    public Pass Name { get; }
    public CustomState Start { get; }
    public JsonataTaskState Wait { get; }
    public CallAwsService Reconcile { get; }
    public IEnumerable<PolicyStatement> PolicyStatements { get; }

    /// <summary>
    /// Starts at <c>NameTrainingJob</c>; ends with the callback's result (<c>WaitForTrainingJob</c>) or the reconciled
    /// one (<c>UseReconciledResult</c>) at <c>$.training.result</c>.
    /// </summary>
    public Chain States { get; }

    public TrainModel(Construct scope, TrainingWorkflowProps props, BusinessFailure failure)
    {
        var spec = props.Spec;
        var pipeline = spec.Name;
        Name = new Pass(scope, "NameTrainingJob", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["jobName"] = JsonPath.Format(pipeline + "-{}-r{}", JsonPath.StringAt("$.runId"), JsonPath.StringAt("$$.Execution.RedriveCount")),
            },
            ResultPath = "$.training",
        });

        Start = new CustomState(scope, "StartTrainingJob", new CustomStateProps
        {
            StateJson = new Dictionary<string, object>
            {
                ["Type"] = "Task",
                ["Resource"] = $"arn:{Aws.PARTITION}:states:::sagemaker:createTrainingJob",
                ["Parameters"] = TrainingJobRequest.Build(props),
                ["ResultSelector"] = new Dictionary<string, object> { ["TrainingJobArn.$"] = "$.TrainingJobArn" },
                ["ResultPath"] = "$.training.job",
            },
        });
        Start.AddRetry(ServiceRetries.For(ServiceRetries.SageMaker));

        Wait = new JsonataTaskState(scope, "WaitForTrainingJob", new Dictionary<string, object>
        {
            ["Type"] = "Task",
            ["Resource"] = $"arn:{Aws.PARTITION}:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
            ["Arguments"] = new Dictionary<string, object>
            {
                ["TableName"] = props.Table.TableName,
                ["Item"] = new Dictionary<string, object>
                {
                    [TableKeys.PartitionKey] = S($"{{% '{TableKeys.TokenPrefix}' & $states.input.training.jobName %}}"),
                    [TableKeys.SortKey] = S(TableKeys.TokenSortKey),
                    ["taskToken"] = S("{% $states.context.Task.Token %}"),
                    ["executionArn"] = S("{% $states.context.Execution.Id %}"),
                    ["pipeline"] = S(pipeline),
                    ["runId"] = S("{% $states.input.runId %}"),
                    ["storedAt"] = S("{% $states.context.State.EnteredTime %}"),
                    ["expiresAt"] = new Dictionary<string, object> { ["N"] = ExpiresAtExpression(spec.Training) },
                },
            },
            ["TimeoutSeconds"] = WaitTimeoutSeconds(spec.Training),
            ["Output"] = MergeIntoTraining("result", "$states.result"),
        });
        Wait.AddRetry(ServiceRetries.For(ServiceRetries.DynamoDbSdk));

        Reconcile = ServiceRetries.Apply(new CallAwsService(scope, "ReconcileTrainingJob", new CallAwsServiceProps
        {
            Service = "sagemaker",
            Action = "describeTrainingJob",
            IamAction = "sagemaker:DescribeTrainingJob",
            IamResources = [TrainingJobArns(scope, pipeline)],
            Parameters = new Dictionary<string, object> { ["TrainingJobName"] = JsonPath.StringAt(JobNamePath) },
            ResultSelector = new Dictionary<string, object>
            {
                ["TrainingJobName"] = JsonPath.StringAt("$.TrainingJobName"),
                ["TrainingJobStatus"] = JsonPath.StringAt("$.TrainingJobStatus"),
                ["Description"] = JsonPath.StringAt("$"),
            },
            ResultPath = "$.training.reconciled",
        }), ServiceRetries.SageMakerSdk);

        var useReconciled = new Pass(scope, "UseReconciledResult", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["TrainingJobName"] = JsonPath.StringAt("$.training.reconciled.Description.TrainingJobName"),
                ["TrainingJobStatus"] = JsonPath.StringAt("$.training.reconciled.Description.TrainingJobStatus"),
                ["ModelArtifacts"] = JsonPath.StringAt("$.training.reconciled.Description.ModelArtifacts"),
                ["FinalMetricDataList"] = JsonPath.StringAt("$.training.reconciled.Description.FinalMetricDataList"),
                ["TrainingEndTime"] = JsonPath.StringAt("$.training.reconciled.Description.TrainingEndTime"),
            },
            ResultPath = "$.training.result",
        });

        var notCompleted = new Pass(scope, "TrainingJobNotCompleted", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["Error"] = "TrainingJobFailed",
                ["Cause"] = JsonPath.Format("No callback arrived in time and training job {} is {}.",
                    JsonPath.StringAt("$.training.reconciled.TrainingJobName"), JsonPath.StringAt("$.training.reconciled.TrainingJobStatus")),
            },
            ResultPath = BusinessFailure.FailurePath,
        });
        notCompleted.Next(failure.FailedAt(Wait.StateId));

        var completed = new Choice(scope, "TrainingJobCompleted?")
            .When(Condition.StringEquals("$.training.reconciled.TrainingJobStatus", "Completed"), useReconciled)
            .Otherwise(notCompleted);

        Wait.Catch(Reconcile, [Errors.TIMEOUT], MergeIntoTraining("timeout", "$states.errorOutput"));
        failure.Catch(Wait, ["TrainingJobFailed", "TrainingJobStopped"]);

        Name.Next(Start);
        Start.Next(Wait);
        Reconcile.Next(completed);
        States = Chain.Custom(Name, [useReconciled, Wait], Wait);

        PolicyStatements =
        [
            new PolicyStatement(new PolicyStatementProps
            {
                Sid = "CreateTrainingJob",
                Actions = ["sagemaker:CreateTrainingJob", "sagemaker:AddTags"],
                Resources = [TrainingJobArns(scope, pipeline)],
            }),
            new PolicyStatement(new PolicyStatementProps
            {
                Sid = "StoreTrainingTaskToken",
                Actions = ["dynamodb:PutItem"],
                Resources = [props.Table.TableArn],
            }),
            new PolicyStatement(new PolicyStatementProps
            {
                Sid = "PassSageMakerExecutionRole",
                Actions = ["iam:PassRole"],
                Resources = [props.SageMakerRole.RoleArn],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "sagemaker.amazonaws.com" },
                },
            }),
        ];
    }

    /// <summary>
    /// How long the workflow waits for the callback: the job's own limit (the spot wait when spot is on, which
    /// includes the runtime) plus ten minutes for the state-change event to arrive.
    /// </summary>
    public static int WaitTimeoutSeconds(TrainingSpec training)
    {
        var jobLimit = training.Spot.Enabled && training.Spot.MaxWait > training.MaxRuntime ? training.Spot.MaxWait : training.MaxRuntime;
        return (int)jobLimit.TotalSeconds + 600;
    }

    /// <summary>How long a token item outlives the wait: a week past its timeout, for looking into a lost callback.</summary>
    public static readonly TimeSpan TokenRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// The token item's TTL (<c>expiresAt</c>, epoch seconds as a DynamoDB N string): the state's entry time plus the
    /// wait timeout plus <see cref="TokenRetention"/>, so DynamoDB removes the tokens of events that never arrive.
    /// JSONPath has no clock arithmetic, which is why this state uses JSONata.
    /// </summary>
    public static string ExpiresAtExpression(TrainingSpec training) =>
        $"{{% $string($floor($toMillis($states.context.State.EnteredTime) / 1000) + {WaitTimeoutSeconds(training) + (int)TokenRetention.TotalSeconds}) %}}";

    /// <summary>JSONata Output putting <paramref name="value"/> at <c>$.training.&lt;field&gt;</c> of the input, as ResultPath did.</summary>
    private static string MergeIntoTraining(string field, string value) =>
        $"{{% $merge([$states.input, {{'training': $merge([$states.input.training, {{'{field}': {value}}}])}}]) %}}";

    public static string TrainingJobArns(Construct scope, string pipeline) => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "sagemaker",
        Resource = "training-job",
        ResourceName = pipeline + "-*",
    });

    private static Dictionary<string, object> S(string value) => new() { ["S"] = value };
}
