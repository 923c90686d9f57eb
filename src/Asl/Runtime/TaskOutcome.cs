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

/// <summary>How a running task ended (handler returned, token answered, timer fired, execution stopped).</summary>
internal sealed record TaskOutcome(TaskOutcomeKind Kind, JsonNode? Output = null, string? Error = null, string? Cause = null);
