using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.S3;

/// <summary>
/// <c>arn:aws:states:::aws-sdk:s3:copyObject|getObject|putObject|headObject|deleteObject|listObjectsV2</c> on
/// <see cref="LocalBuckets"/>, with the API's field names and errors named as the SDK integration names them
/// (<c>S3.NoSuchKeyException</c>, <c>S3.NoSuchBucketException</c>). Also a Distributed Map's ItemReader resources
/// <c>arn:aws:states:::s3:listObjectsV2</c> and <c>s3:getObject</c>; the ItemReader reads every page of a listing
/// (AWS: step-functions/latest/dg/input-output-itemreader.html), so for it the listing is not cut at 1,000 keys.
/// </summary>
public sealed class S3Integration(LocalBuckets buckets) : IServiceIntegration
{
    private const string ItemReaderPrefix = ":states:::s3:";

    public bool CanHandle(string resource) => resource.Contains(":states:::aws-sdk:s3:", StringComparison.Ordinal)
        || resource.EndsWith(ItemReaderPrefix + "listObjectsV2", StringComparison.Ordinal)
        || resource.EndsWith(ItemReaderPrefix + "getObject", StringComparison.Ordinal);

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var p = request.Parameters as JsonObject ?? new JsonObject();
        var bucket = Required(p, "Bucket");
        if (!buckets.BucketExists(bucket)) throw new TaskFailedException("S3.NoSuchBucketException", $"The specified bucket does not exist (Service: S3, Status Code: 404): {bucket}");
        switch (request.Action)
        {
            case "copyObject":
                var source = Uri.UnescapeDataString(Required(p, "CopySource").TrimStart('/'));
                var slash = source.IndexOf('/');
                var (sourceBucket, sourceKey) = (source[..slash], source[(slash + 1)..]);
                var from = buckets.Head(sourceBucket, sourceKey) ?? throw NoSuchKey(sourceBucket, sourceKey);
                var target = buckets.PathFor(bucket, Required(p, "Key"));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(from.Path, target, overwrite: true);
                var copied = buckets.Head(bucket, Required(p, "Key"))!;
                return new JsonObject { ["CopyObjectResult"] = new JsonObject { ["ETag"] = copied.ETag, ["LastModified"] = copied.LastModified.ToString("O") } };
            case "getObject":
                var obj = buckets.Head(bucket, Required(p, "Key")) ?? throw NoSuchKey(bucket, Required(p, "Key"));
                return new JsonObject
                {
                    ["Body"] = await File.ReadAllTextAsync(obj.Path, cancellationToken),
                    ["ContentLength"] = obj.Size,
                    ["ContentType"] = ContentType(obj.Key),
                    ["ETag"] = obj.ETag,
                    ["LastModified"] = obj.LastModified.ToString("O"),
                };
            case "headObject":
                var head = buckets.Head(bucket, Required(p, "Key")) ?? throw NoSuchKey(bucket, Required(p, "Key"));
                return new JsonObject { ["ContentLength"] = head.Size, ["ContentType"] = ContentType(head.Key), ["ETag"] = head.ETag, ["LastModified"] = head.LastModified.ToString("O") };
            case "putObject":
                var path = buckets.PathFor(bucket, Required(p, "Key"));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var body = p["Body"] switch { null => "", JsonValue v when v.TryGetValue<string>(out var s) => s, var node => node.ToJsonString() };
                await File.WriteAllTextAsync(path, body, cancellationToken);
                return new JsonObject { ["ETag"] = buckets.Head(bucket, Required(p, "Key"))!.ETag };
            case "deleteObject":
                File.Delete(buckets.PathFor(bucket, Required(p, "Key")));
                return new JsonObject();
            case "listObjectsV2":
                if (request.Resource.Contains(ItemReaderPrefix, StringComparison.Ordinal) && p["MaxKeys"] is null) p["MaxKeys"] = int.MaxValue;
                return List(p, bucket);
            default:
                throw new TaskFailedException("States.Runtime", $"The local S3 does not implement {request.Action}.");
        }
    }

    private JsonObject List(JsonObject p, string bucket)
    {
        var prefix = p["Prefix"]?.GetValue<string>() ?? "";
        var maxKeys = p["MaxKeys"]?.GetValue<int>() ?? 1000;
        var after = p["ContinuationToken"]?.GetValue<string>() ?? p["StartAfter"]?.GetValue<string>();
        var all = buckets.List(bucket, prefix).Where(o => after is null || string.CompareOrdinal(o.Key, after) > 0).ToList();
        var page = all.Take(maxKeys).ToList();
        var result = new JsonObject
        {
            ["Contents"] = new JsonArray(page.Select(o => (JsonNode)new JsonObject
            {
                ["Key"] = o.Key, ["LastModified"] = o.LastModified.ToString("O"), ["ETag"] = o.ETag, ["Size"] = o.Size, ["StorageClass"] = "STANDARD",
            }).ToArray()),
            ["IsTruncated"] = all.Count > page.Count,
            ["KeyCount"] = page.Count,
            ["MaxKeys"] = maxKeys,
            ["Name"] = bucket,
            ["Prefix"] = prefix,
        };
        if (all.Count > page.Count) result["NextContinuationToken"] = page[^1].Key;
        return result;
    }

    private static string Required(JsonObject p, string name) =>
        p[name]?.GetValue<string>() ?? throw new TaskFailedException("S3.S3Exception", $"Missing required parameter {name}.");

    private static TaskFailedException NoSuchKey(string bucket, string key) =>
        new("S3.NoSuchKeyException", $"The specified key does not exist. (Service: S3, Status Code: 404) Bucket: {bucket}, Key: {key}");

    private static string ContentType(string key) => Path.GetExtension(key) switch
    {
        ".json" => "application/json",
        ".csv" => "text/csv",
        ".gz" => "application/gzip",
        _ => "binary/octet-stream",
    };
}
