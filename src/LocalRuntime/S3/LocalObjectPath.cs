namespace TrainingOrchestration.LocalRuntime.S3;

/// <summary>
/// Where an S3 object or prefix lives when S3 is a folder: <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c>, keys using
/// '/' on every OS. The one mapping the local <see cref="FileObjectStore"/> (what the Lambdas use locally), the local buckets and the Glue and
/// SageMaker stand-ins share, with the one guard against a bucket name or key ("..") that would leave the bucket's folder.
/// </summary>
public static class LocalObjectPath
{
    /// <summary>The file behind <paramref name="key"/>, or the folder behind a prefix (empty or ending in '/').</summary>
    public static string Of(string root, string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bucketDirectory = BucketDirectory(root, bucket);
        var path = Path.GetFullPath(Path.Combine(bucketDirectory, key.Replace('/', Path.DirectorySeparatorChar)));
        var inside = path.StartsWith(bucketDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || (key.Length == 0 && path == bucketDirectory);
        if (!inside) throw new ArgumentException($"'{key}' is not a valid object key in bucket '{bucket}': it leaves the bucket's folder", nameof(key));
        return path;
    }

    /// <summary>The folder of <paramref name="bucket"/>; a name with a path separator or "." / ".." is refused.</summary>
    public static string BucketDirectory(string root, string bucket)
    {
        if (string.IsNullOrWhiteSpace(bucket) || bucket.Contains('/') || bucket.Contains('\\') || bucket is "." or "..")
        {
            throw new ArgumentException($"'{bucket}' is not a valid bucket name", nameof(bucket));
        }
        return Path.Combine(Path.GetFullPath(root), bucket);
    }
}
