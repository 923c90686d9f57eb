using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Infra.Deployment;

/// <summary>
/// The alarms a blue/green deployment of the pipeline's endpoint watches (<c>AutoRollbackConfiguration</c>; the
/// training workflow names them in UpdateEndpoint): the production variant's <c>Invocation5XXErrors</c> (Sum per
/// minute above <c>autoRollback.max5xxErrors</c>) and <c>ModelLatency</c> (Average per minute above
/// <c>autoRollback.maxModelLatencyMs</c>; the metric is in microseconds), both in <c>AWS/SageMaker</c> with the
/// <c>EndpointName</c> and <c>VariantName</c> dimensions (sagemaker/latest/dg/monitoring-cloudwatch.html, and the
/// guardrails' own alarm examples in deployment-guardrails-configuration.html). One-minute periods, one datapoint:
/// a deployment bakes for minutes, not hours. No traffic is not an error (missing data is not breaching). Outside a
/// deployment they still tell the notifications topic that the endpoint is failing.
/// </summary>
public sealed class EndpointRollbackAlarms : Construct
{
    public IReadOnlyList<Alarm> Alarms { get; }

    public EndpointRollbackAlarms(Construct scope, string id, PipelineSpec spec, ITopic notifications) : base(scope, id)
    {
        var deployment = spec.Deployment ?? throw new ArgumentException($"Pipeline {spec.Name} has no deployment.", nameof(spec));
        var dimensions = new Dictionary<string, string>
        {
            [EndpointMetrics.EndpointNameDimension] = deployment.EndpointName,
            [EndpointMetrics.VariantNameDimension] = DeploymentSpec.VariantName,
        };
        Metric Of(string name, string statistic) => new(new MetricProps
        {
            Namespace = EndpointMetrics.Namespace, MetricName = name, DimensionsMap = dimensions, Statistic = statistic, Period = Duration.Minutes(1),
        });
        var errors = Create("Errors", EndpointMetrics.ErrorsAlarm(spec.Name),
            $"Endpoint {deployment.EndpointName} answered more than {deployment.AutoRollback.Max5xxErrors} 5xx errors in a minute; a deployment in progress rolls back.",
            Of(EndpointMetrics.Invocation5xxErrors, "Sum"), deployment.AutoRollback.Max5xxErrors);
        var latency = Create("Latency", EndpointMetrics.LatencyAlarm(spec.Name),
            $"Endpoint {deployment.EndpointName}'s model took longer than {deployment.AutoRollback.MaxModelLatencyMs} ms on average in a minute; a deployment in progress rolls back.",
            Of(EndpointMetrics.ModelLatency, "Average"), deployment.AutoRollback.MaxModelLatencyMs * 1000.0);
        Alarms = [errors, latency];
        foreach (var alarm in Alarms) alarm.AddAlarmAction(new SnsAction(notifications));
    }

    private Alarm Create(string id, string name, string description, IMetric metric, double threshold) => new(this, id, new AlarmProps
    {
        AlarmName = name,
        AlarmDescription = description,
        Metric = metric,
        Threshold = threshold,
        ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
        EvaluationPeriods = 1,
        DatapointsToAlarm = 1,
        TreatMissingData = TreatMissingData.NOT_BREACHING,
    });
}
