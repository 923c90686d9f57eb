using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// Runs the feature job (WORKFLOW.md "Feature job") with DuckDB exactly as the Glue PySpark job does it on AWS:
/// the bookmarked new raw files merged with CDC semantics into the previous curated snapshot (<see cref="ChangeMerge"/>),
/// the <c>source</c> view over the new snapshot, the pipeline's <c>features.sql</c>, the md5 hash split, and the
/// <c>table/</c>, channel and manifest files.
/// </summary>
/// <param name="s3Root">The folder holding one folder per bucket.</param>
/// <param name="bookmarkDirectory"><c>&lt;workspace&gt;/glue/bookmarks</c>.</param>
/// <param name="pipelinesRoot">
/// The repository's <c>pipelines/</c> folder: when <c>--sql_s3_uri</c> does not exist in the local S3 folder, the
/// SQL is read from <c>&lt;pipelinesRoot&gt;/&lt;pipeline&gt;/&lt;file name&gt;</c> (CDK deploys it from there).
/// </param>
/// <param name="catalogDirectory"><c>&lt;workspace&gt;/glue/catalog</c>; when null the catalog is not updated.</param>
/// <param name="spillDirectory">
/// Where DuckDB spills what exceeds its memory limit (<c>&lt;workspace&gt;/glue/spill</c>; the system temp folder when
/// null). A job's folder is deleted when it ends; one left by a killed process is deleted when the next job starts
/// (the workspace lock lets only one run use a workspace).
/// </param>
public sealed class FeatureJobRunner(string s3Root, string bookmarkDirectory, string? pipelinesRoot = null, string? catalogDirectory = null,
    string? spillDirectory = null)
{
    private const string SpillPrefix = "feature-job-";

    private readonly JobBookmarkStore _bookmarks = new(bookmarkDirectory);
    private readonly GlueCatalog? _catalog = catalogDirectory is null ? null : new GlueCatalog(catalogDirectory);

    /// <summary>
    /// Told each phase's name and wall time as it ends (change merge, feature SQL, split table, each output, counts), so
    /// the <c>feature-job</c> bench can say where a run's time goes; null: nothing is timed.
    /// </summary>
    public Action<string, TimeSpan>? PhaseTimed { get; init; }

    public FeatureJobOutcome Run(string jobName, FeatureJobArguments args, CancellationToken cancellationToken = default)
    {
        var sql = ReadFeatureSql(args);
        var bookmark = args.Bookmark == JobBookmarkOption.Disable ? JobBookmark.Empty(jobName) : _bookmarks.Load(jobName);
        var rawFiles = ListRawFiles(args);
        var newFiles = rawFiles.Where(f => !bookmark.HasProcessed(f)).ToList();

        // The job's database lives in its own folder of the spill directory, so DuckDB can evict table blocks to its
        // file and spill what an operator needs beyond the memory limit there too; the folder goes when the job ends.
        if (spillDirectory is not null) DeleteLeftSpills(spillDirectory);
        var spill = Path.Combine(spillDirectory ?? Path.GetTempPath(), SpillPrefix + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(spill); // with its parents: DuckDB creates neither
            using var db = new DuckDBConnection($"DataSource={Path.Combine(spill, "job.duckdb")}");
            db.Open();
            DuckDbSql.Execute(db, $"SET temp_directory = {DuckDbSql.Literal(spill)}", "configuring DuckDB");
            // The change merge reads the raw files before the SQL is sealed in; it keeps to the same memory limit.
            DuckDbSql.Execute(db, $"SET memory_limit = '{Sandbox.DuckDbSandbox.MemoryLimit}'", "configuring DuckDB");
            return RunOn(db, jobName, args, sql, bookmark, rawFiles, newFiles, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        }
    }

    private static void DeleteLeftSpills(string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var left in Directory.EnumerateDirectories(directory, SpillPrefix + "*")) Directory.Delete(left, recursive: true);
    }

    private FeatureJobOutcome RunOn(DuckDBConnection db, string jobName, FeatureJobArguments args, string sql, JobBookmark bookmark,
        List<RawFile> rawFiles, List<RawFile> newFiles, CancellationToken cancellationToken)
    {
        var (changes, sourceRows) = Timed("change merge + snapshot", () => new ChangeMerge(db, s3Root, args).Run(newFiles));
        cancellationToken.ThrowIfCancellationRequested();
        Timed("feature SQL", () => RunFeatureSql(db, sql, args));
        cancellationToken.ThrowIfCancellationRequested();
        var columns = FeatureColumns(db, args);
        var outcome = WriteOutputs(db, args, columns, newFiles.Count, changes.Received, sourceRows, Watermark(rawFiles)) with { Changes = changes };
        WriteManifest(Path.Combine(outcome.FeaturesPrefix.ToLocalPath(s3Root), "manifest.json"), args, columns, outcome);

        _catalog?.RecordFeatures(args.Pipeline, args.RunId, outcome, DateTimeOffset.UtcNow);
        if (args.Bookmark == JobBookmarkOption.Enable) _bookmarks.Save(bookmark.Advance(args.RunId, newFiles));
        return outcome;
    }

    private string ReadFeatureSql(FeatureJobArguments args)
    {
        var location = S3Location.Parse(args.SqlS3Uri);
        var local = location.ToLocalPath(s3Root);
        if (File.Exists(local)) return File.ReadAllText(local);
        if (pipelinesRoot is not null)
        {
            var fromPipeline = Path.Combine(pipelinesRoot, args.Pipeline, Path.GetFileName(location.Key));
            if (File.Exists(fromPipeline)) return File.ReadAllText(fromPipeline);
        }
        throw new FeatureJobException($"feature SQL {args.SqlS3Uri} not found (looked in {local}" +
            (pipelinesRoot is null ? ")" : $" and {Path.Combine(pipelinesRoot, args.Pipeline)})"));
    }

    private List<RawFile> ListRawFiles(FeatureJobArguments args)
    {
        var prefix = new S3Location(args.Bucket, BucketLayout.RawTable(args.SourceTable));
        var dir = prefix.ToLocalPath(s3Root);
        if (!Directory.Exists(dir)) return [];
        var bucketRoot = Path.Combine(s3Root, args.Bucket);
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(path =>
            {
                var info = new FileInfo(path);
                var key = Path.GetRelativePath(bucketRoot, path).Replace(Path.DirectorySeparatorChar, '/');
                var modified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
                return new RawFile(key, path, info.Length, modified);
            })
            .Where(ChangeInputLoader.IsRaw)
            .OrderBy(f => f.Key, StringComparer.Ordinal) // later files win: S3 lists keys in this order
            .ToList();
    }

    private void RunFeatureSql(DuckDBConnection db, string sql, FeatureJobArguments args)
    {
        var body = sql.Trim().TrimEnd(';').TrimEnd();
        try
        {
            // The job's own reads are done: from here DuckDB may only write the job's outputs under the S3 folder.
            Sandbox.DuckDbSandbox.Seal(db, body, Pipelines.Sql.FeatureSqlGuard.FeatureJobViews, [s3Root]);
        }
        catch (Sandbox.SandboxedSqlException e)
        {
            throw new FeatureJobException($"the feature SQL of pipeline '{args.Pipeline}' was refused at {e.Message}", e);
        }
        DuckDbSql.Execute(db, $"CREATE TABLE features AS\n{body}\n", $"running the feature SQL of pipeline '{args.Pipeline}'");
    }

    private static List<(string Name, string DuckType)> FeatureColumns(DuckDBConnection db, FeatureJobArguments args)
    {
        var described = DuckDbSql.Describe(db, "features");
        string Find(string name, string role) =>
            described.Select(c => c.Name).FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new FeatureJobException($"the feature SQL's output has no {role} column '{name}' (columns: {string.Join(", ", described.Select(c => c.Name))})");
        var key = Find(args.EntityKey, "entity key");
        var label = Find(args.Label, "label");
        var ordered = new List<(string Name, string DuckType)> { described.First(c => c.Name == key), described.First(c => c.Name == label) };
        foreach (var column in described.Where(c => c.Name != key && c.Name != label))
        {
            if (!IsNumeric(column.DuckType))
            {
                throw new FeatureJobException($"feature column '{column.Name}' is {column.DuckType}; the XGBoost CSV channels need numbers, so encode it in features.sql");
            }
            ordered.Add(column);
        }
        if (!IsNumeric(described.First(c => c.Name == label).DuckType))
        {
            throw new FeatureJobException($"label column '{label}' is {described.First(c => c.Name == label).DuckType}; the SQL must map it to 0/1");
        }
        return ordered;
    }

    private FeatureJobOutcome WriteOutputs(DuckDBConnection db, FeatureJobArguments args, List<(string Name, string DuckType)> columns,
        int ingestedFiles, long ingestedRows, long sourceRows, string? watermark)
    {
        var prefix = new S3Location(args.Bucket, BucketLayout.RunFeatures(args.Pipeline, args.RunId));
        var root = prefix.ToLocalPath(s3Root);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        foreach (var part in new[] { "table", "train", "validation", "test" }) Directory.CreateDirectory(Path.Combine(root, part));

        var key = DuckDbSql.Quote(columns[0].Name);
        var trainBound = args.Split.Train;
        var validationBound = args.Split.Train + args.Split.Validation;
        var u = $"(CAST(CAST(('0x' || substr(md5(CAST({key} AS VARCHAR)), 1, 8)) AS UBIGINT) AS DOUBLE) / 4294967296.0::DOUBLE)";
        var select = string.Join(", ", columns.Select(c => Output(c)));
        Timed("split table", () => DuckDbSql.Execute(db, $"CREATE TABLE split_features AS SELECT {select}, CASE WHEN {u} < {DuckDbSql.Number(trainBound)} THEN 'train' " +
            $"WHEN {u} < {DuckDbSql.Number(validationBound)} THEN 'validation' ELSE 'test' END AS split FROM features ORDER BY {key}",
            "assigning the split"));

        var channelColumns = string.Join(", ", columns.Skip(1).Select(c => DuckDbSql.Quote(c.Name)));
        var parts = new PartWriter(db, args.OutputParts, key);
        // The table in the contract's CSV dialect; the channels (numbers only) in SageMaker's plain CSV.
        Timed("table/", () => parts.Write("split_features", "*", Path.Combine(root, "table"), DuckDbSql.CopyCsvOptions(args.Csv, header: true), "writing table/"));
        foreach (var channel in new[] { "train", "validation", "test" })
        {
            Timed($"{channel}/", () => parts.Write($"(SELECT * FROM split_features WHERE split = '{channel}')", channelColumns, Path.Combine(root, channel),
                DuckDbSql.CopyCsvOptions(CsvDialect.Default, header: false), $"writing {channel}/"));
        }

        var counts = Timed("counts", () => SplitCounts(db));
        var rows = new SplitRowCounts(counts.Values.Sum(), counts.GetValueOrDefault("train"), counts.GetValueOrDefault("validation"), counts.GetValueOrDefault("test"));
        var outputColumns = DuckDbSql.Describe(db, "split_features").Select(c => new FeatureColumn(c.Name, SparkTypeNames.From(c.DuckType))).ToList();
        return new FeatureJobOutcome(prefix, ingestedFiles, ingestedRows, sourceRows, rows, outputColumns, watermark);
    }

    private static Dictionary<string, long> SplitCounts(DuckDBConnection db)
    {
        var counts = new Dictionary<string, long>();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT split, count(*) FROM split_features GROUP BY split";
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        return counts;
    }

    private T Timed<T>(string phase, Func<T> work)
    {
        if (PhaseTimed is null) return work();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var result = work();
        PhaseTimed(phase, stopwatch.Elapsed);
        return result;
    }

    private void Timed(string phase, Action work) => Timed(phase, () => { work(); return 0; });

    private static void WriteManifest(string path, FeatureJobArguments args, List<(string Name, string DuckType)> columns, FeatureJobOutcome outcome)
    {
        var manifest = new JsonObject
        {
            ["pipeline"] = args.Pipeline,
            ["runId"] = args.RunId,
            ["columns"] = new JsonArray(outcome.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type }).ToArray()),
            ["entityKey"] = columns[0].Name,
            ["label"] = columns[1].Name,
            ["rows"] = new JsonObject
            {
                ["table"] = outcome.Rows.Table,
                ["train"] = outcome.Rows.Train,
                ["validation"] = outcome.Rows.Validation,
                ["test"] = outcome.Rows.Test,
            },
            ["ingestedFiles"] = outcome.IngestedFiles,
            ["ingestedRows"] = outcome.IngestedRows,
            ["watermark"] = outcome.Watermark,
            ["snapshot"] = $"s3://{args.Bucket}/{BucketLayout.CuratedSnapshot(args.SourceTable, args.RunId)}",
            ["changes"] = new JsonObject
            {
                ["received"] = outcome.Changes.Received,
                ["duplicates"] = outcome.Changes.Duplicates,
                ["stale"] = outcome.Changes.Stale,
                ["inserted"] = outcome.Changes.Inserted,
                ["updated"] = outcome.Changes.Updated,
                ["deleted"] = outcome.Changes.Deleted,
                ["tombstones"] = outcome.Changes.Tombstones,
            },
        };
        File.WriteAllText(path, manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The data watermark: the last-modified time of the newest raw file seen (ISO 8601, UTC).</summary>
    private static string? Watermark(List<RawFile> rawFiles) =>
        rawFiles.Count == 0 ? null : rawFiles.Max(f => f.LastModified).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>Booleans become 0/1 so the channels hold numbers only.</summary>
    private static string Output((string Name, string DuckType) column) =>
        column.DuckType == "BOOLEAN" ? $"CAST({DuckDbSql.Quote(column.Name)} AS INTEGER) AS {DuckDbSql.Quote(column.Name)}" : DuckDbSql.Quote(column.Name);

    private static bool IsNumeric(string duckType) =>
        duckType is "BOOLEAN" or "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT"
            or "UINTEGER" or "UBIGINT" or "FLOAT" or "DOUBLE" || duckType.StartsWith("DECIMAL", StringComparison.Ordinal);
}
