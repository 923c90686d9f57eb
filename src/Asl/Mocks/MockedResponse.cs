using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>One mocked invocation: either <c>Return</c> (the task's result) or <c>Throw</c> (Error and Cause).</summary>
public sealed record MockedResponse(JsonNode? Return, string? ThrowError, string? ThrowCause)
{
    public bool Throws => ThrowError is not null;

    /// <summary><see cref="Return"/> as JSON text, written once (every invocation records it in TaskSucceeded).</summary>
    internal string ReturnText { get; } = TrainingOrchestration.Asl.Json.JsonKit.Serialize(Return);
}
