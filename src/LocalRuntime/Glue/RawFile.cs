namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>A raw object found under <c>raw/&lt;table&gt;/</c>: its key, local path, size and last-modified time.</summary>
public sealed record RawFile(string Key, string LocalPath, long Size, DateTimeOffset LastModified);
