using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Definition;

/// <summary>A top-level Choice rule: a JSONPath <see cref="ChoiceRule"/> or a JSONata <paramref name="Condition"/>.</summary>
internal sealed record ChoiceBranch(ChoiceRule? Rule, string Next, JsonNode? Assign, string? Condition = null, bool HasOutput = false, JsonNode? Output = null);
