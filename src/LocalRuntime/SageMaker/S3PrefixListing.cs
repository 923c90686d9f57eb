using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The objects an <c>S3Prefix</c> data source selects: every key that starts with the prefix (a folder or a partial
/// name), in key order, as local files under the S3 root.
/// </summary>
public static class S3PrefixListing
{
    public static IReadOnlyList<(string Key, string Path)> List(string s3Root, S3Location prefix)
    {
        var bucketRoot = Path.Combine(s3Root, prefix.Bucket);
        var local = prefix.ToLocalPath(s3Root);
        IEnumerable<string> files;
        if (File.Exists(local)) files = [local];
        else if (Directory.Exists(local) && (prefix.Key.Length == 0 || prefix.Key.EndsWith('/')))
            files = Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories);
        else
        {
            var parent = Path.GetDirectoryName(local);
            files = parent is not null && Directory.Exists(parent)
                ? Directory.EnumerateFiles(parent, "*", SearchOption.AllDirectories)
                : [];
        }
        return files
            .Select(f => (Key: Path.GetRelativePath(bucketRoot, f).Replace(Path.DirectorySeparatorChar, '/'), Path: f))
            .Where(f => f.Key.StartsWith(prefix.Key, StringComparison.Ordinal) && !f.Key.EndsWith('/'))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
    }
}
