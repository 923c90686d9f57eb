namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// The feature job failed for a reason the job itself reports (bad argument, missing raw data, SQL error,
/// wrong output columns). Glue surfaces the message as the JobRun's <c>ErrorMessage</c>.
/// </summary>
public sealed class FeatureJobException(string message, Exception? inner = null) : Exception(message, inner);
