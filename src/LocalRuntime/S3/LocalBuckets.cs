using System.Security.Cryptography;

namespace TrainingOrchestration.LocalRuntime.S3;

/// <summary>
/// S3 as a directory: <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c>, the layout the Lambdas' <c>FileObjectStore</c>,
/// the Glue and SageMaker stand-ins and the user all share. Only buckets created from the template exist.
/// </summary>
public sealed class LocalBuckets(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public void CreateBucket(string bucket) => Directory.CreateDirectory(LocalObjectPath.BucketDirectory(Root, bucket));

    public bool BucketExists(string bucket) => Directory.Exists(LocalObjectPath.BucketDirectory(Root, bucket));

    /// <summary>The file behind an object; throws when the key would leave the bucket's folder.</summary>
    public string PathFor(string bucket, string key) => LocalObjectPath.Of(Root, bucket, key);

    public IEnumerable<LocalObject> List(string bucket, string prefix)
    {
        var bucketDir = LocalObjectPath.BucketDirectory(Root, bucket);
        if (!Directory.Exists(bucketDir)) return [];
        return Directory.EnumerateFiles(bucketDir, "*", SearchOption.AllDirectories)
            .Select(path => (path, key: Path.GetRelativePath(bucketDir, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(x => x.key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(x => x.key, StringComparer.Ordinal)
            .Select(x => Describe(x.key, x.path));
    }

    public LocalObject? Head(string bucket, string key)
    {
        var path = PathFor(bucket, key);
        return File.Exists(path) ? Describe(key, path) : null;
    }

    private static LocalObject Describe(string key, string path)
    {
        var info = new FileInfo(path);
        return new LocalObject(key, path, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), ETag(info));
    }

    /// <summary>A stable ETag from the file's identity (size and time), cheap for multi-gigabyte files.</summary>
    private static string ETag(FileInfo info) =>
        "\"" + Convert.ToHexStringLower(MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}"))) + "\"";
}
