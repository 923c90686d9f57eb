namespace TrainingOrchestration.Tasks.Json;

/// <summary>
/// A handler's input does not have the shape WORKFLOW.md gives it; the message names the field. Step Functions sees
/// the type name as the error (<c>TaskInputException</c>) and the Catch records it.
/// </summary>
public sealed class TaskInputException(string message, Exception? inner = null) : Exception(message, inner);
