using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// WORKFLOW.md step 12b, only for a pipeline with <c>deployment:</c>: after the champion write, the promoted model goes to
/// the pipeline's SageMaker real-time endpoint. <c>CreateEndpointConfig</c> (optimized integration, named after the
/// training job so it is unique per run and redrive) → <c>DescribeCurrentEndpoint</c>: no endpoint yet
/// (<c>ValidationException</c> "Could not find endpoint ...") → <c>CreateEndpoint</c>; otherwise <c>UpdateEndpoint</c>
/// (AWS SDK integration: it carries the blue/green <c>DeploymentConfig</c> with the auto-rollback alarms) → a
/// <c>WaitForEndpoint</c>/<c>DescribeEndpoint</c> poll until the endpoint settles, bounded by the deployment's maximum
/// execution timeout. InService on this run's configuration is DEPLOYED; InService on another one is an auto-rollback
/// (SageMaker keeps the old fleet and reports why in <c>FailureReason</c>, API_DescribeEndpoint.html), ROLLED_BACK;
/// anything else FAILED. The champion write stands whatever happens here: every step is a <see cref="SideEffect"/>, a
/// deployment that did not complete is named in <c>sideEffects</c> and notified, and <c>RecordDeployment</c> writes
/// <c>deployment {endpoint, endpointConfig, status, reason}</c> on the run.
/// </summary>
internal sealed class DeployModel
{
    public const string Path = "$.deployment";

    /// <summary>How often the poll asks; the number of polls is the maximum execution timeout over this, plus one.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    /// <summary>How many times the poll asks before it gives up: the maximum execution timeout in poll intervals, plus one.</summary>
    public static int MaxPolls(DeploymentSpec deployment) => (int)Math.Ceiling(deployment.MaxExecutionTimeout / PollInterval) + 1;

    /// <summary>
    /// The longest the deployment keeps the execution: every poll, plus ten minutes for the lookup's retries and the other
    /// calls. The state machine's timeout grows by this, so a slow deployment never times out a promoted run.
    /// </summary>
    public static int MaxWaitSeconds(DeploymentSpec deployment) => MaxPolls(deployment) * (int)PollInterval.TotalSeconds + 600;

    /// <summary>Starts at <c>NameEndpointConfig</c> and ends at <c>RecordDeployment</c>.</summary>
    public Chain States { get; }

    /// <param name="next">What follows the deployment (<see cref="RecordOutcome"/>), also when recording it fails.</param>
    public DeployModel(Construct scope, TrainingWorkflowProps props, IChainable next)
    {
        var spec = props.Spec;
        var deployment = spec.Deployment ?? throw new ArgumentException($"Pipeline {spec.Name} has no deployment.", nameof(props));
        var endpoint = deployment.EndpointName;

        var record = SideEffect.Tolerated(DeploymentOutcome.Record(scope, props), next);
        var notify = DeploymentOutcome.Notify(scope, props);
        SideEffect.Tolerated(notify, record);
        notify.Next(record);
        var notCompleted = DeploymentOutcome.NotCompleted(scope);
        notCompleted.Next(notify);
        var interrupted = DeploymentOutcome.Result(scope, "DeploymentInterrupted", "FAILED",
            JsonPath.Format("A step of the deployment to endpoint {} failed after its retries; sideEffects names it.", endpoint));
        interrupted.Next(notify);

        var name = new Pass(scope, "NameEndpointConfig", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["endpoint"] = endpoint,
                ["endpointConfig"] = JsonPath.StringAt(TrainModel.JobNamePath),
                ["polls"] = 0,
            },
            ResultPath = Path,
        });
        var createConfig = Optimized(scope, "CreateEndpointConfig", "createEndpointConfig", new Dictionary<string, object>
        {
            ["EndpointConfigName.$"] = "$.deployment.endpointConfig",
            ["ProductionVariants"] = new object[] { EndpointRequests.ProductionVariants(props) },
            ["Tags"] = EndpointRequests.Tags(props),
        }, interrupted);

        var lookUp = ServiceRetries.Apply(new CallAwsService(scope, "DescribeCurrentEndpoint", new CallAwsServiceProps
        {
            Service = "sagemaker",
            Action = "describeEndpoint",
            IamAction = "sagemaker:DescribeEndpoint",
            IamResources = [EndpointRequests.EndpointArn(scope, spec)],
            Parameters = new Dictionary<string, object> { ["EndpointName"] = endpoint },
            ResultSelector = new Dictionary<string, object>
            {
                ["EndpointStatus"] = JsonPath.StringAt("$.EndpointStatus"),
                ["EndpointConfigName"] = JsonPath.StringAt("$.EndpointConfigName"),
            },
            ResultPath = "$.deployment.previous",
        }), ServiceRetries.SageMakerSdk);

        var create = Optimized(scope, "CreateEndpoint", "createEndpoint", new Dictionary<string, object>
        {
            ["EndpointName"] = endpoint,
            ["EndpointConfigName.$"] = "$.deployment.endpointConfig",
            ["Tags"] = EndpointRequests.Tags(props),
        }, interrupted);
        var update = SideEffect.Tolerated(ServiceRetries.Apply(new CallAwsService(scope, "UpdateEndpoint", new CallAwsServiceProps
        {
            Service = "sagemaker",
            Action = "updateEndpoint",
            IamAction = "sagemaker:UpdateEndpoint",
            IamResources = [EndpointRequests.EndpointArn(scope, spec), EndpointRequests.EndpointConfigArns(scope, spec)],
            AdditionalIamStatements =
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["cloudwatch:DescribeAlarms"], Resources = EndpointRequests.AlarmArns(scope, spec) }),
            ],
            Parameters = new Dictionary<string, object>
            {
                ["EndpointName"] = endpoint,
                ["EndpointConfigName"] = JsonPath.StringAt("$.deployment.endpointConfig"),
                ["DeploymentConfig"] = EndpointRequests.DeploymentConfig(spec),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.SageMakerSdk), interrupted);

        // A missing endpoint is SageMaker's ValidationException, which the SDK integration names SageMaker.SageMakerException
        // like its throttling: the message tells them apart (aws/amazon-sagemaker-examples#2402 shows it:
        // 'Could not find endpoint "arn:aws:sagemaker:...:endpoint/<name>".').
        var missing = new Choice(scope, "EndpointExists?")
            .When(Condition.StringMatches("$.deployment.lookup.Cause", "*Could not find endpoint*"), create)
            .Otherwise(interrupted);
        lookUp.AddCatch(missing, new CatchProps { Errors = ["SageMaker.SageMakerException"], ResultPath = "$.deployment.lookup" });
        SideEffect.Tolerated(lookUp, interrupted);

        var poll = new EndpointPoll(scope, props, notCompleted, interrupted, record);
        create.Next(poll.States);
        update.Next(poll.States);
        lookUp.Next(update);
        name.Next(createConfig);
        createConfig.Next(lookUp);
        States = Chain.Custom(name, [record], record);
    }

    /// <summary>A request-response Task on <c>arn:aws:states:::sagemaker:&lt;action&gt;</c>, tolerated into <paramref name="failed"/>.</summary>
    private static CustomState Optimized(Construct scope, string id, string action, Dictionary<string, object> parameters, IChainable failed)
    {
        var state = new CustomState(scope, id, new CustomStateProps
        {
            StateJson = new Dictionary<string, object>
            {
                ["Type"] = "Task",
                ["Resource"] = $"arn:{Aws.PARTITION}:states:::sagemaker:{action}",
                ["Parameters"] = parameters,
                ["ResultPath"] = "$.deployment." + char.ToLowerInvariant(id[0]) + id[1..],
            },
        });
        state.AddRetry(ServiceRetries.For(ServiceRetries.SageMaker));
        return SideEffect.Tolerated(state, failed);
    }
}
