namespace TrainingOrchestration.LocalRuntime.Serving;

/// <summary>One HTTP answer of the local model server: status, content type and body.</summary>
public sealed record InferenceResponse(int Status, string ContentType, string Body);
