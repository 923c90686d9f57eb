using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Operations;

/// <summary>
/// The pipeline's own metrics (WORKFLOW.md "Metrics"), emitted by the Lambdas as Embedded Metric Format in namespace
/// <c>TrainingOrchestration</c>. Breakdowns (by decision and reason, by rule, by metric) are SEARCH expressions so a
/// new reason or rule shows up on the dashboard without a deploy.
/// </summary>
public static class PipelineMetrics
{
    public const string Namespace = MetricNames.Namespace;

    public static Metric Of(string pipeline, string name, string statistic, Duration period, Dictionary<string, string>? extra = null) => new(new MetricProps
    {
        Namespace = Namespace,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string>(extra ?? []) { [MetricNames.PipelineDimension] = pipeline },
        Statistic = statistic,
        Period = period,
    });

    /// <summary>
    /// One line per value of the dimensions of <paramref name="dimensionSet"/> beside Pipeline (one of the sets in
    /// <see cref="MetricNames"/>), e.g. per rule or per reason.
    /// </summary>
    public static MathExpression Search(string pipeline, string name, string statistic, Duration period, string label, IReadOnlyList<string> dimensionSet) =>
        new(new MathExpressionProps
        {
            Expression = $"SEARCH('{{{Namespace},{string.Join(',', dimensionSet)}}} "
                + $"MetricName=\"{name}\" {MetricNames.PipelineDimension}=\"{pipeline}\"', '{statistic}', {(int)period.ToSeconds()})",
            Label = label,
            Period = period,
            UsingMetrics = new Dictionary<string, IMetric>(),
        });
}
