using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>Counts at the decision threshold (score &gt; 0.5 is predicted positive).</summary>
public sealed record ConfusionMatrix(
    [property: JsonPropertyName("truePositives")] long TruePositives,
    [property: JsonPropertyName("falsePositives")] long FalsePositives,
    [property: JsonPropertyName("trueNegatives")] long TrueNegatives,
    [property: JsonPropertyName("falseNegatives")] long FalseNegatives);
