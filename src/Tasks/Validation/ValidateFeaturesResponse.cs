using System.Text.Json.Serialization;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>What the state machine puts at <c>$.validation</c>: the Choice reads <c>passed</c>, the failure path <c>summary</c>.</summary>
public sealed record ValidateFeaturesResponse
{
    [JsonPropertyName("passed")] public required bool Passed { get; init; }
    [JsonPropertyName("summary")] public required string Summary { get; init; }
    [JsonPropertyName("rules")] public required IReadOnlyList<RuleOutcome> Rules { get; init; }
    [JsonPropertyName("rowCount")] public required long RowCount { get; init; }
    [JsonPropertyName("contractVersion")] public string? ContractVersion { get; init; }
}
