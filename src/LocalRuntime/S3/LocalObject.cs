namespace TrainingOrchestration.LocalRuntime.S3;

/// <summary>One object of a local bucket.</summary>
public sealed record LocalObject(string Key, string Path, long Size, DateTimeOffset LastModified, string ETag);
