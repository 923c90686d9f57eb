namespace TrainingOrchestration.Tasks.Ports;

/// <summary>
/// Object storage as the tasks use it: S3 on AWS (<c>S3ObjectStore</c>), a directory per bucket in the local runtime
/// (<c>LocalRuntime.S3.FileObjectStore</c>). Reads are streams so no task loads a whole file into memory.
/// </summary>
public interface IObjectStore
{
    Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default);
    Task WriteAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default);
    /// <summary>Objects under <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, CancellationToken cancellationToken = default);
    Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken = default);
}
