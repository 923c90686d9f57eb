namespace TrainingOrchestration.Asl.Jsonata;

/// <summary>A JSONata evaluation error, with JSONata's code (T1006, T2001...) in the message.</summary>
internal sealed class JsonataException(string message) : Exception(message);
