namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>The scaffold cannot build a pipeline from this input; the message says what to change.</summary>
internal sealed class ScaffoldException(string message) : Exception(message);
