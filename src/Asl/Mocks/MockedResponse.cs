using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>One mocked invocation: either <c>Return</c> (the task's result) or <c>Throw</c> (Error and Cause).</summary>
public sealed record MockedResponse(JsonNode? Return, string? ThrowError, string? ThrowCause)
{
    public bool Throws => ThrowError is not null;
}
