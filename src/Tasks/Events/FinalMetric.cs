using System.Text.Json.Serialization;
using TrainingOrchestration.Tasks.Json;

namespace TrainingOrchestration.Tasks.Events;

/// <summary>One entry of a training job's <c>FinalMetricDataList</c>, e.g. <c>validation:auc</c>.</summary>
public sealed record FinalMetric
{
    [JsonPropertyName("MetricName")] public string? MetricName { get; init; }
    [JsonPropertyName("Value")] public double? Value { get; init; }

    [JsonPropertyName("Timestamp"), JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? Timestamp { get; init; }
}
