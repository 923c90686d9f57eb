using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// The wait of <see cref="DeployModel"/>: <c>WaitForEndpoint</c> (one <see cref="DeployModel.PollInterval"/>) →
/// <c>DescribeEndpoint</c> (<c>aws-sdk:sagemaker:describeEndpoint</c>, the whole answer at <c>$.deployment.described</c>:
/// its <c>FailureReason</c> is present only after a failure or a rollback) → <c>EndpointSettled?</c>. EndpointStatus
/// (API_DescribeEndpoint.html): <c>InService</c> on this run's configuration → <c>EndpointDeployed</c>; <c>InService</c> on
/// another one → <c>EndpointRolledBack</c> (the blue/green deployment rolled back: SageMaker kept the old fleet);
/// <c>Failed</c>, <c>UpdateRollbackFailed</c>, <c>OutOfService</c> → <c>EndpointNotInService</c>; <c>Creating</c>,
/// <c>Updating</c>, <c>SystemUpdating</c>, <c>RollingBack</c> → poll again until the polls run out
/// (<c>EndpointNotSettled</c>).
/// </summary>
internal sealed class EndpointPoll
{
    /// <summary>Starts at <c>WaitForEndpoint</c>.</summary>
    public IChainable States { get; }

    public EndpointPoll(Construct scope, TrainingWorkflowProps props, IChainable notCompleted, IChainable interrupted, IChainable record)
    {
        var spec = props.Spec;
        var deployment = spec.Deployment!;
        var endpoint = deployment.EndpointName;
        var maxPolls = DeployModel.MaxPolls(deployment);

        var wait = new Wait(scope, "WaitForEndpoint", new WaitProps { Time = WaitTime.Duration(Duration.Seconds(DeployModel.PollInterval.TotalSeconds)) });
        var describe = SideEffect.Tolerated(ServiceRetries.Apply(new CallAwsService(scope, "DescribeEndpoint", new CallAwsServiceProps
        {
            Service = "sagemaker",
            Action = "describeEndpoint",
            IamAction = "sagemaker:DescribeEndpoint",
            IamResources = [EndpointRequests.EndpointArn(scope, spec)],
            Parameters = new Dictionary<string, object> { ["EndpointName"] = endpoint },
            ResultPath = "$.deployment.described",
        }), ServiceRetries.SageMakerSdk), interrupted);

        var deployed = DeploymentOutcome.Result(scope, "EndpointDeployed", "DEPLOYED",
            JsonPath.Format("Endpoint {} is InService on {}.", endpoint, JsonPath.StringAt("$.deployment.endpointConfig")));
        deployed.Next(record);
        var reasonGiven = DeploymentOutcome.WithFailureReason(scope, notCompleted);
        var rolledBack = DeploymentOutcome.Result(scope, "EndpointRolledBack", "ROLLED_BACK",
            JsonPath.Format("Endpoint {} rolled back to {}: the previous model still serves.", endpoint, JsonPath.StringAt("$.deployment.described.EndpointConfigName")));
        rolledBack.Next(reasonGiven);
        var notInService = DeploymentOutcome.Result(scope, "EndpointNotInService", "FAILED",
            JsonPath.Format("Endpoint {} is {}.", endpoint, JsonPath.StringAt("$.deployment.described.EndpointStatus")));
        notInService.Next(reasonGiven);
        var notSettled = DeploymentOutcome.Result(scope, "EndpointNotSettled", "FAILED",
            JsonPath.Format("Endpoint {} was still {} after {} polls a minute apart (deployment.maxExecutionTimeout).",
                endpoint, JsonPath.StringAt("$.deployment.described.EndpointStatus"), JsonPath.StringAt("$.deployment.polls")));
        notSettled.Next(notCompleted);

        // The deployment's names and the poll count; the last answer is fetched again by the next poll.
        var count = new Pass(scope, "CountEndpointPoll", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["endpoint"] = endpoint,
                ["endpointConfig"] = JsonPath.StringAt("$.deployment.endpointConfig"),
                ["polls"] = JsonPath.MathAdd(JsonPath.NumberAt("$.deployment.polls"), 1),
            },
            ResultPath = DeployModel.Path,
        });
        var pollsLeft = new Choice(scope, "EndpointPollsLeft?")
            .When(Condition.NumberGreaterThanEquals("$.deployment.polls", maxPolls), notSettled)
            .Otherwise(count);
        count.Next(wait);

        const string Status = "$.deployment.described.EndpointStatus";
        var settled = new Choice(scope, "EndpointSettled?")
            .When(Condition.And(Condition.StringEquals(Status, "InService"),
                Condition.StringEqualsJsonPath("$.deployment.described.EndpointConfigName", "$.deployment.endpointConfig")), deployed)
            .When(Condition.StringEquals(Status, "InService"), rolledBack)
            .When(Condition.Or(Condition.StringEquals(Status, "Failed"), Condition.StringEquals(Status, "UpdateRollbackFailed"),
                Condition.StringEquals(Status, "OutOfService")), notInService)
            .Otherwise(pollsLeft);
        wait.Next(describe).Next(settled);
        States = wait;
    }
}
