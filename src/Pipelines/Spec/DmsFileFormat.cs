namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>The DMS S3 target's <c>DataFormat</c> (docs.aws.amazon.com/dms/latest/APIReference/API_S3Settings.html: csv | parquet).</summary>
public enum DmsFileFormat { Parquet, Csv }
