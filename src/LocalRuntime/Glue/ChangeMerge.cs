using DuckDB.NET.Data;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// The feature job's change merge on DuckDB (WORKFLOW.md "Feature job", steps 1-2): the previous run's curated snapshot
/// plus this run's new raw files, merged by the portable SQL of <c>infra/Features/cdc/</c>, written as this run's snapshot
/// <c>curated/&lt;table&gt;/run=&lt;id&gt;/part-00000.parquet</c>; then the view <c>source</c> over it. The Glue script runs
/// the same statements on Spark.
/// </summary>
internal sealed class ChangeMerge(DuckDBConnection db, string s3Root, FeatureJobArguments args)
{
    private S3Location SnapshotsPrefix => new(args.Bucket, BucketLayout.CuratedTable(args.SourceTable));

    /// <summary>Merges <paramref name="newFiles"/> into the state; returns what was applied and how many rows <c>source</c> has.</summary>
    public (ChangeCounts Changes, long SourceRows) Run(IReadOnlyList<RawFile> newFiles)
    {
        DefineSparkFunctions();
        var own = Snapshot(args.RunId);
        var previous = Snapshots().Where(r => string.CompareOrdinal(r, args.RunId) < 0).LastOrDefault();
        ChangeCounts counts;
        if (own is not null && newFiles.Count == 0)
        {
            // A rerun of a run whose snapshot exists: its state as that run computed it, so its features come out the same.
            Execute($"CREATE TABLE snapshot_state AS SELECT * FROM read_parquet({DuckDbSql.Literal(Path.Combine(own, "*.parquet"))})", "reading this run's snapshot");
            counts = ChangeCounts.None;
        }
        else
        {
            if (previous is null && newFiles.Count == 0)
            {
                throw new FeatureJobException($"no data: s3://{args.Bucket}/{BucketLayout.RawTable(args.SourceTable)} holds no change or CSV files and no earlier run left a snapshot");
            }
            counts = Merge(newFiles, previous is null ? null : Snapshot(previous));
        }
        var columns = SnapshotColumns();
        foreach (var statement in ChangeMergeSql.Statements("source.sql", args.EntityKey, columns)) Execute(statement, "defining the source view");
        Prune();
        return (counts, DuckDbSql.Scalar(db, "SELECT count(*) FROM source"));
    }

    private ChangeCounts Merge(IReadOnlyList<RawFile> newFiles, string? previous)
    {
        ChangeInputLoader.RequireReadable(args, newFiles);
        var columns = args.Columns.Count > 0 ? args.Columns : InferredColumns(newFiles, previous);
        new ChangeInputLoader(db, args, columns).Load(newFiles);
        if (previous is null)
        {
            Run("snapshot_empty.sql", columns, "preparing an empty snapshot");
        }
        else
        {
            var stored = DuckDbSql.Describe(db, $"SELECT * FROM read_parquet({DuckDbSql.Literal(Path.Combine(previous, "*.parquet"))})").Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var projected = string.Join(", ", columns.Select(c => stored.Contains(c.Name) ? $"CAST({DuckDbSql.Quote(c.Name)} AS {c.SqlType}) AS {DuckDbSql.Quote(c.Name)}" : $"CAST(NULL AS {c.SqlType}) AS {DuckDbSql.Quote(c.Name)}"));
            Execute($"CREATE VIEW previous_snapshot AS SELECT __key, __order, __deleted, {projected} FROM read_parquet({DuckDbSql.Literal(Path.Combine(previous, "*.parquet"))})",
                "reading the previous snapshot");
        }
        Run(args.Kind switch
        {
            CdcKind.Debezium => "normalize_debezium.sql",
            CdcKind.S3Files => "normalize_dms.sql",
            _ => "normalize_dynamodb_stream.sql",
        }, columns, "normalizing the change records");
        Run("normalize_snapshot.sql", columns, "normalizing the CSV snapshots");
        Run("merge.sql", columns, "merging the changes");
        ThrowOnUnreadableRecords();

        // One statement over the asset's merged view. A two-step form (winners on the narrow columns, then their values
        // joined back by file and line) took the 10M-row merge from 175 to 95 s in the feature-job bench, but in one of
        // three 10M pipeline runs it failed with DuckDB's "Out of Memory Error" at the 1 GB limit; this form has never.
        Execute("CREATE TABLE snapshot_state AS SELECT * FROM merged ORDER BY __key", "merging the changes");
        var target = new S3Location(args.Bucket, BucketLayout.CuratedSnapshot(args.SourceTable, args.RunId)).ToLocalPath(s3Root);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        Execute($"COPY snapshot_state TO {DuckDbSql.Literal(Path.Combine(target, "part-00000.parquet"))} (FORMAT parquet)", "writing the curated snapshot");
        var values = CountChanges(columns);
        return new ChangeCounts(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }

    /// <summary>
    /// <c>change_counts</c>, which reads <c>resolved_changes</c> five times (through <c>applied_changes</c>): its narrow
    /// columns are computed once into a table the view reads for the count, then the view is the asset's again.
    /// </summary>
    private List<long> CountChanges(IReadOnlyList<SourceColumn> columns)
    {
        const string view = "CREATE OR REPLACE TEMPORARY VIEW resolved_changes AS";
        var definition = ChangeMergeSql.Statements("merge.sql", args.EntityKey, columns).Single(s => s.StartsWith(view, StringComparison.Ordinal));
        Execute($"CREATE TABLE __resolved AS SELECT * EXCLUDE ({Names(columns)}) FROM resolved_changes", "counting the changes");
        Execute($"{view} SELECT * FROM __resolved", "counting the changes");
        var values = DuckDbSql.Strings(db, "SELECT received, duplicates, stale, inserted, updated, deleted, tombstones FROM change_counts").Select(long.Parse).ToList();
        Execute(definition, "counting the changes");
        Execute("DROP TABLE __resolved", "counting the changes");
        return values;
    }

    private static string Names(IReadOnlyList<SourceColumn> columns) => string.Join(", ", columns.Select(c => DuckDbSql.Quote(c.Name)));

    private void ThrowOnUnreadableRecords()
    {
        var bad = new List<string>();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT __file, __line, __problem FROM change_errors ORDER BY __file, __line LIMIT 5";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) bad.Add($"s3://{args.Bucket}/{reader.GetString(0)} line {reader.GetInt64(1)}: {reader.GetString(2)}");
        }
        if (bad.Count == 0) return;
        var total = DuckDbSql.Scalar(db, "SELECT count(*) FROM change_errors");
        throw new FeatureJobException($"{total} change record(s) cannot be merged (raw files left as they are): {string.Join("; ", bad)}" +
            (total > bad.Count ? "; ..." : ""));
    }

    /// <summary>
    /// Without <c>--source_columns</c>: the previous snapshot's columns, then those of the new CSV headers, with the types
    /// DuckDB infers from the files (as Spark's <c>inferSchema</c> does on Glue); files that disagree make a column text.
    /// </summary>
    private List<SourceColumn> InferredColumns(IReadOnlyList<RawFile> newFiles, string? previous)
    {
        var found = new List<SourceColumn>();
        void Add(IEnumerable<(string Name, string DuckType)> more)
        {
            foreach (var (name, duckType) in more.Where(c => !c.Name.StartsWith("__", StringComparison.Ordinal)))
            {
                var type = duckType switch
                {
                    "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" => SourceColumnType.Integer,
                    "DOUBLE" or "FLOAT" => SourceColumnType.Number,
                    "BOOLEAN" => SourceColumnType.Boolean,
                    _ => SourceColumnType.String,
                };
                var index = found.FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
                if (index < 0) found.Add(new SourceColumn(name, type));
                else if (found[index].Type != type) found[index] = found[index] with { Type = SourceColumnType.String };
            }
        }
        if (previous is not null) Add(DuckDbSql.Describe(db, $"SELECT * FROM read_parquet({DuckDbSql.Literal(Path.Combine(previous, "*.parquet"))})"));
        foreach (var csv in newFiles.Where(ChangeInputLoader.IsCsv))
        {
            Add(DuckDbSql.Describe(db, $"SELECT * FROM {DuckDbSql.ReadCsv(csv.LocalPath, args.Csv, header: true, allText: false)}"));
        }
        foreach (var parquet in newFiles.Where(ChangeInputLoader.IsParquet))
        {
            Add(DuckDbSql.Describe(db, $"SELECT * FROM read_parquet({DuckDbSql.Literal(parquet.LocalPath)})").Where(c => !string.Equals(c.Name, "Op", StringComparison.OrdinalIgnoreCase)));
        }
        if (!found.Any(c => string.Equals(c.Name, args.EntityKey, StringComparison.OrdinalIgnoreCase)))
        {
            throw new FeatureJobException($"entity key column '{args.EntityKey}' not found in the raw files under s3://{args.Bucket}/{BucketLayout.RawTable(args.SourceTable)} (columns: {string.Join(", ", found.Select(c => c.Name))})");
        }
        return found;
    }

    private List<SourceColumn> SnapshotColumns() =>
        DuckDbSql.Describe(db, "snapshot_state").Where(c => !c.Name.StartsWith("__", StringComparison.Ordinal))
            .Select(c => new SourceColumn(c.Name, SourceColumnType.String)).ToList();

    /// <summary>Spark's functions the portable SQL uses that DuckDB lacks, as macros with Spark's behaviour (NULL, not an error, on bad input).</summary>
    private void DefineSparkFunctions()
    {
        Execute("CREATE MACRO get_json_object(j, p) AS CASE WHEN json_valid(j) THEN json_extract_string(j, p) END", "defining get_json_object");
        Execute("CREATE MACRO unbase64(s) AS CASE WHEN regexp_full_match(s, '[A-Za-z0-9+/]*={0,2}') THEN try(decode(from_base64(s))) END", "defining unbase64");
    }

    private void Run(string asset, IReadOnlyList<SourceColumn> columns, string step)
    {
        foreach (var statement in ChangeMergeSql.Statements(asset, args.EntityKey, columns)) Execute(statement, $"{step} ({asset})");
    }

    private void Execute(string sql, string step) => DuckDbSql.Execute(db, sql, step);

    /// <summary>Run ids of the stored snapshots, oldest first (run ids start with the UTC minute, so they sort by time).</summary>
    private List<string> Snapshots()
    {
        var dir = SnapshotsPrefix.ToLocalPath(s3Root);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateDirectories(dir, "run=*").Select(d => Path.GetFileName(d)["run=".Length..])
            .Where(r => Snapshot(r) is not null).OrderBy(r => r, StringComparer.Ordinal).ToList();
    }

    private string? Snapshot(string runId)
    {
        var dir = new S3Location(args.Bucket, BucketLayout.CuratedSnapshot(args.SourceTable, runId)).ToLocalPath(s3Root);
        return Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.parquet").Any() ? dir : null;
    }

    /// <summary>Keeps the newest <c>--keep_snapshots</c> snapshots (and always this run's).</summary>
    private void Prune()
    {
        var all = Snapshots();
        foreach (var old in all.Take(Math.Max(0, all.Count - args.KeepSnapshots)).Where(r => r != args.RunId))
        {
            Directory.Delete(new S3Location(args.Bucket, BucketLayout.CuratedSnapshot(args.SourceTable, old)).ToLocalPath(s3Root), recursive: true);
        }
    }
}
