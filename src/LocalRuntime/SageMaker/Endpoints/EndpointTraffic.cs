using System.Collections.Concurrent;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Endpoints;

/// <summary>
/// The traffic a local endpoint serves while a deployment shifts and bakes: <see cref="RequestsPerMinute"/> requests a
/// minute, split between the fleets by the timeline's percentage, published as SageMaker publishes them
/// (<c>AWS/SageMaker</c>, <c>Invocations</c>, <c>Invocation5XXErrors</c>, <c>ModelLatency</c> in microseconds, with the
/// <c>EndpointName</c> and <c>VariantName</c> dimensions) into the local CloudWatch, where the rollback alarms read them.
/// <see cref="FailNewFleet"/> is the fault that forces a rollback: the new fleet answers its share with 5xx errors.
/// </summary>
public sealed class EndpointTraffic(LocalMetricStore? metrics)
{
    public const int RequestsPerMinute = 100;

    /// <summary>A healthy model's answer time: 3 ms, in microseconds.</summary>
    public const double HealthyLatencyMicroseconds = 3000;

    private readonly ConcurrentDictionary<string, bool> _failingNewFleets = new(StringComparer.Ordinal);

    /// <summary>From now on, the new fleet of <paramref name="endpoint"/>'s deployments answers every request it gets with a 5xx error.</summary>
    public void FailNewFleet(string endpoint) => _failingNewFleets[endpoint] = true;

    /// <summary>Publishes one datum set per whole minute in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void Serve(string endpoint, string variant, BlueGreenTimeline timeline, DateTimeOffset from, DateTimeOffset to)
    {
        if (metrics is null) return;
        var dimensions = new Dictionary<string, string>
        {
            [EndpointMetrics.EndpointNameDimension] = endpoint,
            [EndpointMetrics.VariantNameDimension] = variant,
        };
        var failing = _failingNewFleets.ContainsKey(endpoint);
        var data = new List<MetricDatum>();
        for (var minute = from; minute < to; minute += TimeSpan.FromMinutes(1))
        {
            var onNewFleet = RequestsPerMinute * timeline.PercentAt(minute) / 100;
            var errors = failing ? onNewFleet : 0;
            data.Add(Datum(EndpointMetrics.Invocations, RequestsPerMinute, "None"));
            data.Add(Datum(EndpointMetrics.Invocation5xxErrors, errors, "None"));
            data.Add(Datum(EndpointMetrics.ModelLatency, HealthyLatencyMicroseconds, "Microseconds"));

            MetricDatum Datum(string name, double value, string unit) =>
                new(EndpointMetrics.Namespace, name, dimensions, minute, value, unit, $"sagemaker-endpoint:{endpoint}");
        }
        metrics.Add(data);
    }
}
