using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>The confidence interval of the improvement over the champion and how it was obtained.</summary>
public sealed record ImprovementInterval(
    [property: JsonPropertyName("lower")] double Lower,
    [property: JsonPropertyName("upper")] double Upper,
    [property: JsonPropertyName("confidence")] double Confidence,
    /// <summary><c>delong</c> or <c>paired-bootstrap</c>.</summary>
    [property: JsonPropertyName("method")] string Method,
    /// <summary>Bootstrap resamples; 0 for DeLong's test.</summary>
    [property: JsonPropertyName("resamples")] int Resamples);
