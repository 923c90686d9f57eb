using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

internal enum TaskOutcomeKind
{
    Succeeded,
    Failed,
    TimedOut,
    HeartbeatTimedOut,
    Stopped,
}

/// <summary>
/// How a running task ended (handler returned, token answered, timer fired, execution stopped). A mocked result is
/// <paramref name="Shared"/> (the MockConfigFile's own node, read-only: copied before it becomes part of a state's
/// output) and comes with its <paramref name="OutputText"/>.
/// </summary>
internal sealed record TaskOutcome(TaskOutcomeKind Kind, JsonNode? Output = null, string? Error = null, string? Cause = null,
    string? OutputText = null, bool Shared = false);
