namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>An output of the run and where it lives (an s3:// URI or a local path).</summary>
public sealed record OutputLocation(string Name, string Location);
