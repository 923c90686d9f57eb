using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>One mocked invocation: either <c>Return</c> (the task's result) or <c>Throw</c> (Error and Cause).</summary>
public sealed record MockedResponse(JsonNode? Return, string? ThrowError, string? ThrowCause)
{
    public bool Throws => ThrowError is not null;

    /// <summary>
    /// What the task's invocation ends with: the same (read-only) outcome every time this response is used, with the
    /// result's JSON text written once (every invocation records it in TaskSucceeded).
    /// </summary>
    internal Runtime.TaskOutcome Outcome { get; } = ThrowError is not null
        ? new Runtime.TaskOutcome(Runtime.TaskOutcomeKind.Failed, Error: ThrowError, Cause: ThrowCause)
        : new Runtime.TaskOutcome(Runtime.TaskOutcomeKind.Succeeded, Return, OutputText: TrainingOrchestration.Asl.Json.JsonKit.Serialize(Return), Shared: true);
}
