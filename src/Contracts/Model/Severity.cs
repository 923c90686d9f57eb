using System.Text.Json.Serialization;

namespace TrainingOrchestration.Contracts.Model;

/// <summary>An <see cref="Error"/> rule that fails blocks training; a <see cref="Warn"/> rule only reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("error")] Error,
    [JsonStringEnumMemberName("warn")] Warn,
}
