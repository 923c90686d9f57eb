namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>Splits <c>s3://bucket/key</c>; the artifact location SageMaker reports is in this form.</summary>
public static class S3Uri
{
    public static (string Bucket, string Key) Parse(string uri)
    {
        const string scheme = "s3://";
        var slash = uri.StartsWith(scheme, StringComparison.Ordinal) ? uri.IndexOf('/', scheme.Length) : -1;
        if (slash <= scheme.Length || slash == uri.Length - 1)
        {
            throw new FormatException($"'{uri}' is not an s3://bucket/key URI");
        }
        return (uri[scheme.Length..slash], uri[(slash + 1)..]);
    }

    /// <summary>A prefix given either as a key prefix in <paramref name="defaultBucket"/> or as an s3:// URI.</summary>
    public static (string Bucket, string Prefix) Location(string defaultBucket, string prefixOrUri) =>
        prefixOrUri.StartsWith("s3://", StringComparison.Ordinal) ? Parse(prefixOrUri) : (defaultBucket, prefixOrUri);
}
