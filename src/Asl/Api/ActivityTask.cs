namespace TrainingOrchestration.Asl;

/// <summary>GetActivityTask's answer: the token to answer with SendTask* and the task's input (JSON text).</summary>
public sealed record ActivityTask(string TaskToken, string Input);
