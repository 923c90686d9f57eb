using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Ingress;

/// <summary>One change record read from a change file, with the line (or position) it came from.</summary>
public sealed record ChangeRecord(JsonObject Record, int Line);
