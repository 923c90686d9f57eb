using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// Training (WORKFLOW.md steps 6 and 7): name the job, create it with the optimized request-response integration,
/// then park on a <c>.waitForTaskToken</c> DynamoDB write that stores the token under the job name for the callback
/// workflow. If no callback comes before the timeout, the job is reconciled with DescribeTrainingJob.
/// </summary>
internal sealed class TrainingJobStates
{
    public const string JobNamePath = "$.training.jobName";

    public Pass Name { get; }
    public CustomState Start { get; }
    public CallAwsService Wait { get; }
    public CallAwsService Reconcile { get; }
    public IEnumerable<PolicyStatement> PolicyStatements { get; }

    public TrainingJobStates(Construct scope, TrainingWorkflowProps props, IChainable onCompleted, IChainable onFailed)
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

        Wait = new CallAwsService(scope, "WaitForTrainingJob", new CallAwsServiceProps
        {
            Service = "dynamodb",
            Action = "putItem",
            IamAction = "dynamodb:PutItem",
            IamResources = [props.Table.TableArn],
            IntegrationPattern = IntegrationPattern.WAIT_FOR_TASK_TOKEN,
            TaskTimeout = Amazon.CDK.AWS.StepFunctions.Timeout.Duration(Duration.Seconds(WaitTimeoutSeconds(spec.Training))),
            Parameters = new Dictionary<string, object>
            {
                ["TableName"] = props.Table.TableName,
                ["Item"] = new Dictionary<string, object>
                {
                    ["pk"] = S(JsonPath.Format("TOKEN#{}", JsonPath.StringAt(JobNamePath))),
                    ["sk"] = new Dictionary<string, object> { ["S"] = "TOKEN" },
                    ["taskToken"] = S(JsonPath.TaskToken),
                    ["executionArn"] = S(PipelineKeys.ExecutionArn),
                    ["pipeline"] = new Dictionary<string, object> { ["S"] = pipeline },
                    ["runId"] = S(JsonPath.StringAt("$.runId")),
                    ["storedAt"] = S(PipelineKeys.Now),
                },
            },
            ResultPath = "$.training.result",
        });
        ServiceRetries.Apply(Wait, ServiceRetries.DynamoDbSdk);

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
        }), ServiceRetries.SageMaker);

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
        useReconciled.Next(onCompleted);

        var notCompleted = new Pass(scope, "TrainingJobNotCompleted", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["Error"] = "TrainingJobFailed",
                ["Cause"] = JsonPath.Format("No callback arrived in time and training job {} is {}.",
                    JsonPath.StringAt("$.training.reconciled.TrainingJobName"), JsonPath.StringAt("$.training.reconciled.TrainingJobStatus")),
            },
            ResultPath = FailureHandler.FailurePath,
        });
        notCompleted.Next(onFailed);

        var completed = new Choice(scope, "TrainingJobCompleted?")
            .When(Condition.StringEquals("$.training.reconciled.TrainingJobStatus", "Completed"), useReconciled)
            .Otherwise(notCompleted);

        Wait.AddCatch(Reconcile, new CatchProps { Errors = [Errors.TIMEOUT], ResultPath = "$.training.timeout" });
        Wait.AddCatch(onFailed, new CatchProps { Errors = ["TrainingJobFailed", "TrainingJobStopped"], ResultPath = FailureHandler.FailurePath });

        Name.Next(Start);
        Start.Next(Wait);
        Wait.Next(onCompleted);
        Reconcile.Next(completed);

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

    public static string TrainingJobArns(Construct scope, string pipeline) => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "sagemaker",
        Resource = "training-job",
        ResourceName = pipeline + "-*",
    });

    private static Dictionary<string, object> S(string value) => new() { ["S"] = value };
}
