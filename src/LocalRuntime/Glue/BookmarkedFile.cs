namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>One processed raw object.</summary>
public sealed record BookmarkedFile(string Key, long Size, DateTimeOffset LastModified);
