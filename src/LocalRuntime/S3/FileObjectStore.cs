using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.LocalRuntime.S3;

/// <summary>
/// <see cref="IObjectStore"/> on a directory: <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c>, the local runtime's S3.
/// Keys use '/' on every OS; a key that would escape the bucket folder ("..") is refused.
/// Writes go to a temporary file first and are then moved into place, so a reader never sees half an object.
/// </summary>
public sealed partial class FileObjectStore(string root) : IObjectStore
{
    private const string TemporarySuffix = ".tmp";
    public string Root { get; } = Path.GetFullPath(root);

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        if (!File.Exists(path)) throw new FileNotFoundException($"s3://{bucket}/{key} does not exist (looked for {path})", path);
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    public async Task WriteAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + TemporarySuffix;
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var bucketDirectory = BucketDirectory(bucket);
        var lastSlash = prefix.LastIndexOf('/');
        var start = lastSlash < 0 ? bucketDirectory : Path.Combine(bucketDirectory, prefix[..lastSlash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(start)) yield break;

        var objects = new List<StoredObject>();
        foreach (var file in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (InFlightWrite().IsMatch(file)) continue;
            var key = Path.GetRelativePath(bucketDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var info = new FileInfo(file);
            objects.Add(new StoredObject(key, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
        }
        objects.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var item in objects)
        {
            yield return item;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(bucket, key)));

    /// <summary>A write in progress: <c>&lt;key&gt;.&lt;32 hex&gt;.tmp</c>; an object whose key merely ends in .tmp is listed.</summary>
    [GeneratedRegex(@"\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex InFlightWrite();

    private string BucketDirectory(string bucket) => LocalObjectPath.BucketDirectory(Root, bucket);

    /// <summary>An object's file; a prefix (empty or ending in '/') is not an object.</summary>
    private string PathOf(string bucket, string key) => key.Length == 0 || key.EndsWith('/')
        ? throw new ArgumentException($"'{key}' is not a valid object key in bucket '{bucket}'", nameof(key))
        : LocalObjectPath.Of(Root, bucket, key);
}
