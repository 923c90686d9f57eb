using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// The SageMaker requests of <see cref="DeployModel"/> and the workflow role's grants for them, from the pipeline's
/// <see cref="DeploymentSpec"/>. Field names and ranges as the API reference gives them: API_CreateEndpointConfig.html
/// (ProductionVariants: VariantName, ModelName, InstanceType, InitialInstanceCount, InitialVariantWeight),
/// API_DeploymentConfig.html (BlueGreenUpdatePolicy, AutoRollbackConfiguration), API_TrafficRoutingConfig.html,
/// API_CapacitySize.html. The grants are the pipeline's own endpoint and endpoint configurations only (SageMaker ARNs
/// carry names lowercased), plus <c>cloudwatch:DescribeAlarms</c> on the rollback alarms, which SageMaker's guardrails
/// require of the caller (sagemaker/latest/dg/deployment-guardrails-configuration.html).
/// </summary>
internal static class EndpointRequests
{
    public static Dictionary<string, object> ProductionVariants(TrainingWorkflowProps props) => new()
    {
        ["VariantName"] = DeploymentSpec.VariantName,
        ["ModelName.$"] = TrainModel.JobNamePath,
        ["InstanceType"] = props.Spec.Deployment!.InstanceType,
        ["InitialInstanceCount"] = props.Spec.Deployment.InstanceCount,
        ["InitialVariantWeight"] = 1,
    };

    public static object[] Tags(TrainingWorkflowProps props) =>
    [
        new Dictionary<string, object> { ["Key"] = "pipeline", ["Value"] = props.Spec.Name },
        new Dictionary<string, object> { ["Key"] = "tier", ["Value"] = props.Spec.Tier.ToString().ToLowerInvariant() },
    ];

    /// <summary>UpdateEndpoint's DeploymentConfig: blue/green with the spec's routing, waits and timeout, and the rollback alarms.</summary>
    public static Dictionary<string, object> DeploymentConfig(PipelineSpec spec)
    {
        var deployment = spec.Deployment!;
        var routing = new Dictionary<string, object>
        {
            ["Type"] = deployment.TrafficRouting.ApiType,
            ["WaitIntervalInSeconds"] = (int)deployment.TrafficRouting.Wait.TotalSeconds,
        };
        if (deployment.TrafficRouting.SizePercent is { } size)
        {
            routing[deployment.TrafficRouting.Type == TrafficRoutingType.Canary ? "CanarySize" : "LinearStepSize"] =
                new Dictionary<string, object> { ["Type"] = "CAPACITY_PERCENT", ["Value"] = size };
        }
        return new Dictionary<string, object>
        {
            ["BlueGreenUpdatePolicy"] = new Dictionary<string, object>
            {
                ["TrafficRoutingConfiguration"] = routing,
                ["TerminationWaitInSeconds"] = (int)deployment.TerminationWait.TotalSeconds,
                ["MaximumExecutionTimeoutInSeconds"] = (int)deployment.MaxExecutionTimeout.TotalSeconds,
            },
            ["AutoRollbackConfiguration"] = new Dictionary<string, object>
            {
                ["Alarms"] = Alarms(spec).Select(name => (object)new Dictionary<string, object> { ["AlarmName"] = name }).ToArray(),
            },
        };
    }

    public static IReadOnlyList<string> Alarms(PipelineSpec spec) => EndpointMetrics.RollbackAlarms(spec.Name, spec.Deployment!.AutoRollback.Alarms);

    public static string EndpointArn(Construct scope, PipelineSpec spec) => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "sagemaker", Resource = "endpoint", ResourceName = spec.Deployment!.EndpointName.ToLowerInvariant(),
    });

    /// <summary>Every endpoint configuration of the pipeline: they are named after the training job, <c>&lt;p&gt;-&lt;runId&gt;-r&lt;n&gt;</c>.</summary>
    public static string EndpointConfigArns(Construct scope, PipelineSpec spec) => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "sagemaker", Resource = "endpoint-config", ResourceName = spec.Name + "-*",
    });

    public static string[] AlarmArns(Construct scope, PipelineSpec spec) => Alarms(spec).Select(name => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "cloudwatch", Resource = "alarm", ResourceName = name, ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
    })).ToArray();

    /// <summary>The optimized integrations' grants (CreateEndpointConfig, CreateEndpoint); the SDK ones come with their states.</summary>
    public static IEnumerable<PolicyStatement> PolicyStatements(Construct scope, PipelineSpec spec) =>
    [
        new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CreateEndpointConfig",
            Actions = ["sagemaker:CreateEndpointConfig", "sagemaker:AddTags"],
            Resources = [EndpointConfigArns(scope, spec)],
        }),
        new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CreateEndpoint",
            Actions = ["sagemaker:CreateEndpoint", "sagemaker:AddTags"],
            Resources = [EndpointArn(scope, spec), EndpointConfigArns(scope, spec)],
        }),
    ];
}
