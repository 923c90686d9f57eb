using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>
/// A throw-away bucket for one small table (<c>accounts</c>: id, name, score, active) fed by one CDC kind, with a feature
/// SQL that keeps the state visible: <c>id, active (the label), score</c>. Raw files land under <c>raw/accounts/</c> as
/// the ingress writes them; <see cref="Rows"/> reads a run's feature table back as <c>id,active,score</c> lines.
/// </summary>
public sealed class ChangeWorkspace : IDisposable
{
    public const string Bucket = "cdc-bucket";
    public const string Columns = "id:string,name:string,score:number,active:boolean";
    private const string FeatureSql = "SELECT id, CASE WHEN active THEN 1 ELSE 0 END AS active, CAST(score AS DOUBLE) AS score FROM source";

    private readonly string kind;
    private readonly string columns;
    private readonly string key;
    private readonly string label;

    public ChangeWorkspace(string kind, string columns = Columns, string key = "id", string label = "active", string featureSql = FeatureSql)
    {
        this.kind = kind;
        this.columns = columns;
        this.key = key;
        this.label = label;
        Root = Path.Combine(Path.GetTempPath(), "to-cdc-" + Guid.NewGuid().ToString("N")[..12]);
        S3Root = Path.Combine(Root, "s3");
        var sql = Path.Combine(S3Root, Bucket, "pipelines", "accounts", "features.sql");
        Directory.CreateDirectory(Path.GetDirectoryName(sql)!);
        File.WriteAllText(sql, featureSql);
    }

    public string Root { get; }
    public string S3Root { get; }
    public string RawDirectory => Path.Combine(S3Root, Bucket, "raw", "accounts");

    /// <summary>Lands a raw file under <c>raw/accounts/</c> (sub-folders allowed) and returns its local path.</summary>
    public string Land(string relativeKey, string content)
    {
        var path = Path.Combine(RawDirectory, relativeKey.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string LandLines(string relativeKey, params string[] lines) => Land(relativeKey, string.Join("\n", lines) + "\n");

    public FeatureJobOutcome Run(string runId, int keepSnapshots = 3, string? timestampColumn = null, int? outputParts = null) =>
        new FeatureJobRunner(S3Root, Path.Combine(Root, "bookmarks")).Run("accounts-features", Arguments(runId, keepSnapshots, timestampColumn, outputParts));

    /// <summary>The job's arguments for a run, as <see cref="Run"/> passes them.</summary>
    public FeatureJobArguments Arguments(string runId, int keepSnapshots = 3, string? timestampColumn = null, int? outputParts = null)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--pipeline"] = "accounts",
            ["--run_id"] = runId,
            ["--bucket"] = Bucket,
            ["--sql_s3_uri"] = $"s3://{Bucket}/pipelines/accounts/features.sql",
            ["--source_table"] = "accounts",
            ["--entity_key"] = key,
            ["--label"] = label,
            ["--split"] = "0.7,0.2,0.1",
            ["--job-bookmark-option"] = "job-bookmark-enable",
            ["--cdc_kind"] = kind,
            ["--source_columns"] = columns,
            ["--keep_snapshots"] = keepSnapshots.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (timestampColumn is not null) arguments["--timestamp_column"] = timestampColumn;
        if (outputParts is not null) arguments["--output_parts"] = outputParts.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return FeatureJobArguments.Parse(arguments);
    }

    /// <summary>The part files of one output of a run (<c>table</c>, <c>train</c>, ...), in name order.</summary>
    public IReadOnlyList<string> Parts(string runId, string output) =>
        Directory.EnumerateFiles(Path.Combine(S3Root, Bucket, "features", "accounts", $"run={runId}", output), "*.csv").Order(StringComparer.Ordinal).ToList();

    /// <summary>The run's feature table as <c>id,active,score</c> lines (split column dropped), every part's rows after its header, in part order.</summary>
    public IReadOnlyList<string> Rows(string runId) =>
        Parts(runId, "table").SelectMany(part => File.ReadLines(part).Skip(1))
            .Select(l => string.Join(",", l.Split(',')[..^1])).ToList();

    public JsonNode Manifest(string runId) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(S3Root, Bucket, "features", "accounts", $"run={runId}", "manifest.json")))!;

    public IReadOnlyList<string> Snapshots() =>
        Directory.EnumerateDirectories(Path.Combine(S3Root, Bucket, "curated", "accounts")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
