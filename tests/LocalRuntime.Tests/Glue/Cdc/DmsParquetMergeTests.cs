using DuckDB.NET.Data;
using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>
/// DMS S3 target files in Parquet (the stack's endpoint: DataFormat parquet, IncludeOpForFullLoad, TimestampColumnName):
/// named columns Op, the commit timestamp (a Parquet timestamp), then the table's columns. The merge reads them into the
/// same dms_rows as DMS CSV files, so the same normalize_dms.sql and merge.sql apply.
/// </summary>
public sealed class DmsParquetMergeTests
{
    /// <summary>Writes a DMS-shaped Parquet file with DuckDB: rows are (Op, commit time, id, name, score, active).</summary>
    private static void LandParquet(ChangeWorkspace ws, string relativeKey, params (string Op, string Ts, string Id, string Name, double Score, bool Active)[] rows)
    {
        var path = Path.Combine(ws.RawDirectory, relativeKey.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var values = string.Join(", ", rows.Select(r =>
            $"('{r.Op}', TIMESTAMP '{r.Ts}', '{r.Id}', '{r.Name}', {r.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)}::DOUBLE, {(r.Active ? "true" : "false")})"));
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"COPY (SELECT * FROM (VALUES {values}) AS t(Op, commit_ts, id, name, score, active)) TO '{path.Replace("'", "''")}' (FORMAT PARQUET)";
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void A_parquet_full_load_then_parquet_cdc_files_leave_the_latest_state_with_deletes_applied()
    {
        using var ws = new ChangeWorkspace("s3-files");
        LandParquet(ws, "public/accounts/LOAD00000001.parquet",
            ("I", "2026-11-23 09:00:00.000000", "a", "Ann", 1, true), ("I", "2026-11-23 09:00:00.000000", "b", "Bob", 2, false));
        ws.Run("r1", timestampColumn: "commit_ts");
        LandParquet(ws, "public/accounts/20261123-100000000.parquet",
            ("I", "2026-11-23 10:00:00.000001", "c", "Cid", 3, true), ("U", "2026-11-23 10:00:00.000002", "a", "Ann", 1.5, false),
            ("D", "2026-11-23 10:00:00.000003", "b", "Bob", 2, false), ("D", "2026-11-23 10:00:00.000004", "zz", "Who", 0, false));

        var second = ws.Run("r2", timestampColumn: "commit_ts");

        Assert.Equal(["a,1,1.0", "b,0,2.0"], ws.Rows("r1"));
        Assert.Equal(["a,0,1.5", "c,1,3.0"], ws.Rows("r2"));
        Assert.Equal(new ChangeCounts(4, 0, 0, 1, 1, 2, 0), second.Changes);
    }

    [Fact]
    public void Out_of_order_parquet_rows_resolve_by_the_microseconds_of_the_commit_time_and_a_redelivery_is_ignored()
    {
        using var ws = new ChangeWorkspace("s3-files");
        LandParquet(ws, "public/accounts/20261123-100000000.parquet",
            ("I", "2026-11-23 10:00:00.000001", "a", "Ann", 1, true), ("U", "2026-11-23 10:00:00.000010", "a", "Ann", 3, false));
        LandParquet(ws, "public/accounts/20261123-110000000.parquet",
            ("U", "2026-11-23 10:00:00.000009", "a", "Ann", 2, true), ("U", "2026-11-23 10:00:00.000010", "a", "Ann", 3, false));

        var outcome = ws.Run("r1", timestampColumn: "commit_ts");

        Assert.Equal(["a,0,3.0"], ws.Rows("r1"));
        Assert.Equal(1, outcome.Changes.Duplicates);
    }

    [Fact]
    public void The_same_changes_as_parquet_and_as_csv_give_the_same_feature_table()
    {
        using var csv = new ChangeWorkspace("s3-files");
        csv.LandLines("public/accounts/20261123-100000000.csv", "Op,commit_ts,id,name,score,active",
            "I,2026-11-23 10:00:00.500000,a,Ann,1,true", "I,2026-11-23 10:00:01.000000,b,Bob,2,false", "D,2026-11-23 10:00:02.250000,a,Ann,1,true");
        using var parquet = new ChangeWorkspace("s3-files");
        LandParquet(parquet, "public/accounts/20261123-100000000.parquet",
            ("I", "2026-11-23 10:00:00.5", "a", "Ann", 1, true), ("I", "2026-11-23 10:00:01", "b", "Bob", 2, false), ("D", "2026-11-23 10:00:02.25", "a", "Ann", 1, true));

        var fromCsv = csv.Run("r1", timestampColumn: "commit_ts");
        var fromParquet = parquet.Run("r1", timestampColumn: "commit_ts");

        Assert.Equal(["b,0,2.0"], parquet.Rows("r1"));
        Assert.Equal(csv.Rows("r1"), parquet.Rows("r1"));
        Assert.Equal(fromCsv.Changes, fromParquet.Changes);
    }

    [Fact]
    public void A_parquet_file_without_the_entity_key_fails_the_run_naming_the_file()
    {
        using var ws = new ChangeWorkspace("s3-files", key: "account_id");
        LandParquet(ws, "public/accounts/LOAD00000001.parquet", ("I", "2026-11-23 09:00:00", "a", "Ann", 1, true));

        var error = Assert.Throws<FeatureJobException>(() => ws.Run("r1", timestampColumn: "commit_ts"));

        Assert.Contains("raw/accounts/public/accounts/LOAD00000001.parquet: the file has no entity key column 'account_id'", error.Message);
    }
}
