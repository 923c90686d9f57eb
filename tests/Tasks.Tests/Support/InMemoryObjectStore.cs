using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>In-memory <see cref="IObjectStore"/> for handler tests.</summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), byte[]> _objects = new();

    public void Put(string bucket, string key, string text) => _objects[(bucket, key)] = System.Text.Encoding.UTF8.GetBytes(text);

    public void Put(string bucket, string key, byte[] bytes) => _objects[(bucket, key)] = bytes;

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        _objects.TryGetValue((bucket, key), out var bytes)
            ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false))
            : throw new FileNotFoundException($"s3://{bucket}/{key} does not exist");

    public async Task WriteAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        _objects[(bucket, key)] = buffer.ToArray();
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var matches = _objects
            .Where(o => o.Key.Bucket == bucket && o.Key.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(o => o.Key.Key, StringComparer.Ordinal)
            .Select(o => new StoredObject(o.Key.Key, o.Value.Length, DateTimeOffset.UnixEpoch))
            .ToList();
        foreach (var item in matches) yield return item;
        await Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_objects.ContainsKey((bucket, key)));
}
