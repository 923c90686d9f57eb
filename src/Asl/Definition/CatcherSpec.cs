using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Definition;

internal sealed record CatcherSpec(IReadOnlyList<string> ErrorEquals, string Next, bool HasResultPath, string? ResultPath, JsonNode? Assign, bool HasOutput = false, JsonNode? Output = null);
