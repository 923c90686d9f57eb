using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>An invocation's answer: the payload, and the error type when the function failed (Lambda's X-Amz-Function-Error).</summary>
public sealed record LambdaResult(string RequestId, JsonNode? Payload, string? FunctionError);
