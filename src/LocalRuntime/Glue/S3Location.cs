using TrainingOrchestration.LocalRuntime.S3;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// An <c>s3://bucket/key</c> address and where it lives locally: S3 is a directory per bucket under the
/// workspace (<c>&lt;s3Root&gt;/&lt;bucket&gt;/&lt;key&gt;</c>), so every stand-in maps addresses the same way.
/// </summary>
public sealed record S3Location(string Bucket, string Key)
{
    public static S3Location Parse(string uri)
    {
        if (!uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw new FormatException($"'{uri}' is not an S3 URI: expected s3://<bucket>/<key>.");
        }
        var rest = uri["s3://".Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0) throw new FormatException($"'{uri}' names no bucket: expected s3://<bucket>/<key>.");
        return new S3Location(bucket, slash < 0 ? "" : rest[(slash + 1)..]);
    }

    public static bool TryParse(string? uri, out S3Location location)
    {
        location = new S3Location("", "");
        if (uri is null || !uri.StartsWith("s3://", StringComparison.Ordinal) || uri.Length <= "s3://".Length) return false;
        location = Parse(uri);
        return location.Bucket.Length > 0;
    }

    /// <summary>The local file or folder path under <paramref name="s3Root"/> (the folder holding one folder per bucket).</summary>
    public string ToLocalPath(string s3Root) => LocalObjectPath.Of(s3Root, Bucket, Key);

    public S3Location Append(string relativeKey) =>
        new(Bucket, Key.Length == 0 || Key.EndsWith('/') ? Key + relativeKey : Key + "/" + relativeKey);

    public override string ToString() => $"s3://{Bucket}/{Key}";
}
