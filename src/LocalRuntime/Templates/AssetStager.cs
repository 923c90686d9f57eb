using System.IO.Compression;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.S3;

namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>
/// Puts a stack's CDK assets where the deployed stack finds them: every file asset from <c>&lt;Stack&gt;.assets.json</c>
/// into its staging bucket and key (so e.g. <c>--sql_s3_uri</c> resolves to the pipeline's features.sql), and the
/// content of each <c>Custom::CDKBucketDeployment</c> into its destination bucket and prefix.
/// </summary>
public static class AssetStager
{
    public static void Stage(LoadedStack stack, LocalBuckets buckets)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(stack.TemplatePath))!;
        var manifestPath = Path.Combine(directory, $"{stack.Environment.StackName}.assets.json");
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(manifestPath))
        {
            var files = JsonNode.Parse(File.ReadAllText(manifestPath))?["files"] as JsonObject ?? [];
            foreach (var (_, asset) in files)
            {
                var source = Path.Combine(directory, asset!["source"]!["path"]!.GetValue<string>());
                foreach (var (_, destination) in asset["destinations"] as JsonObject ?? [])
                {
                    var bucket = Substitute(destination!["bucketName"]!.GetValue<string>(), stack.Environment);
                    var key = Substitute(destination["objectKey"]!.GetValue<string>(), stack.Environment);
                    sources[key] = source;
                    buckets.CreateBucket(bucket);
                    if (File.Exists(source)) CopyIfChanged(source, buckets.PathFor(bucket, key));
                }
            }
        }
        foreach (var deployment in stack.OfType("Custom::CDKBucketDeployment"))
        {
            var bucket = deployment.GetString("DestinationBucketName");
            if (bucket is null) continue;
            var prefix = deployment.GetString("DestinationBucketKeyPrefix") ?? "";
            buckets.CreateBucket(bucket);
            foreach (var key in (deployment.Properties["SourceObjectKeys"] as JsonArray ?? []).Select(k => k!.GetValue<string>()))
            {
                if (!sources.TryGetValue(key, out var source)) continue;
                var target = prefix.Length == 0 ? "" : prefix.TrimEnd('/') + "/";
                if (Directory.Exists(source)) CopyTree(source, bucket, target, buckets);
                else if (source.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && File.Exists(source)) Unzip(source, bucket, target, buckets);
            }
        }
    }

    private static string Substitute(string text, StackEnvironment env) => text
        .Replace("${AWS::AccountId}", env.AccountId, StringComparison.Ordinal)
        .Replace("${AWS::Region}", env.Region, StringComparison.Ordinal)
        .Replace("${AWS::Partition}", env.Partition, StringComparison.Ordinal);

    private static void CopyTree(string source, string bucket, string prefix, LocalBuckets buckets)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var key = prefix + Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/');
            CopyIfChanged(file, buckets.PathFor(bucket, key));
        }
    }

    private static void Unzip(string zip, string bucket, string prefix, LocalBuckets buckets)
    {
        using var archive = ZipFile.OpenRead(zip);
        foreach (var entry in archive.Entries.Where(e => e.Name.Length > 0))
        {
            var target = buckets.PathFor(bucket, prefix + entry.FullName);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
        }
    }

    private static void CopyIfChanged(string source, string target)
    {
        if (File.Exists(target) && new FileInfo(target).Length == new FileInfo(source).Length && File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(source))) return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }
}
