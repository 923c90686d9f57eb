namespace TrainingOrchestration.Tasks.Configuration;

/// <summary><c>PIPELINE_CONFIG</c> could not be read as a pipeline spec.</summary>
public sealed class PipelineConfigException(string message) : Exception(message);
