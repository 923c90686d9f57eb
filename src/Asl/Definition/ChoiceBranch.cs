using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Definition;

internal sealed record ChoiceBranch(ChoiceRule Rule, string Next, JsonNode? Assign);
