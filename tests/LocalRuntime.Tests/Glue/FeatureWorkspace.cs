using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue;

/// <summary>
/// A throw-away local workspace holding the churn sample under <c>raw/customers/</c> and a feature SQL under
/// <c>pipelines/churn/</c> in the bucket, with the feature job's arguments as the training workflow sends them.
/// </summary>
public sealed class FeatureWorkspace : IDisposable
{
    public const string Bucket = "churn-bucket";
    public const string JobName = "churn-features";

    public FeatureWorkspace(string? sqlFile = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "to-glue-" + Guid.NewGuid().ToString("N")[..12]);
        S3Root = Path.Combine(Root, "s3");
        BookmarkDirectory = Path.Combine(Root, "glue", "bookmarks");
        Directory.CreateDirectory(RawDirectory);
        var sqlPath = Path.Combine(S3Root, Bucket, "pipelines", "churn", "features.sql");
        Directory.CreateDirectory(Path.GetDirectoryName(sqlPath)!);
        File.Copy(sqlFile ?? RepoPaths.ChurnFixtureSql, sqlPath);
    }

    public string Root { get; }
    public string S3Root { get; }
    public string BookmarkDirectory { get; }
    public string RawDirectory => Path.Combine(S3Root, Bucket, "raw", "customers");

    public FeatureWorkspace WithChurnSample(string fileName = "customers.csv")
    {
        File.Copy(RepoPaths.ChurnSample, Path.Combine(RawDirectory, fileName));
        return this;
    }

    public FeatureWorkspace WithRawFile(string fileName, string content)
    {
        File.WriteAllText(Path.Combine(RawDirectory, fileName), content);
        return this;
    }

    public FeatureJobRunner Runner() => new(S3Root, BookmarkDirectory, RepoPaths.Pipelines, CatalogDirectory);

    public string CatalogDirectory => Path.Combine(Root, "glue", "catalog");

    public Dictionary<string, string> Arguments(string runId, string bookmark = "job-bookmark-enable") => new()
    {
        ["--pipeline"] = "churn",
        ["--run_id"] = runId,
        ["--bucket"] = Bucket,
        ["--sql_s3_uri"] = $"s3://{Bucket}/pipelines/churn/features.sql",
        ["--source_table"] = "customers",
        ["--entity_key"] = "customer_id",
        ["--label"] = "churn",
        ["--split"] = "0.7,0.2,0.1",
        ["--job-bookmark-option"] = bookmark,
    };

    public FeatureJobOutcome Run(string runId, string bookmark = "job-bookmark-enable") =>
        Runner().Run(JobName, FeatureJobArguments.Parse(Arguments(runId, bookmark)));

    /// <summary>The one part file of a split (the job runs without <c>--output_parts</c>, so each output is one part).</summary>
    public string FeaturesFile(string runId, string part) =>
        Path.Combine(S3Root, Bucket, "features", "churn", $"run={runId}", part, "part-00000-c000.csv");

    public string Manifest(string runId) => Path.Combine(S3Root, Bucket, "features", "churn", $"run={runId}", "manifest.json");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
