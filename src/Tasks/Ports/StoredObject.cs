namespace TrainingOrchestration.Tasks.Ports;

/// <summary>One listed object: its key, size in bytes and last modification time.</summary>
public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified);
