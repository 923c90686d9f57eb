using DuckDB.NET.Data;
using TrainingOrchestration.LocalRuntime.Glue;
using static TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc.DynamoDbRecords;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>
/// The change merge's state and counts on data that exercises every merge rule (CSV copies spanning several DuckDB
/// vectors, loaded one table a file with a row's line its rowid + 2, with a key repeated in a file and across files;
/// ordered records over unordered rows, redeliveries, stale and late changes, deletes of known and unknown keys, NULL
/// values, a previous snapshot): the state holds exactly the rows, in order, of the asset's own <c>merged</c> view, the
/// later line and the later file win, and the counts read from a narrow copy of <c>resolved_changes</c> are
/// <c>change_counts</c>' over the asset's own definition.
/// </summary>
public sealed class SnapshotStateTests
{
    private const string Batch = "changes/2026/11/23/10/accounts-changes-1-2026-11-23-10-00-00-";

    [Fact]
    public void A_first_run_over_csv_copies_and_records_writes_exactly_the_rows_of_the_merged_view()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        LandFirstBatch(ws);

        var (state, merged, counts, reference) = Merge(ws, "r1");

        Assert.Equal(3002, state.Count); // k0000-k2999, "new", and "unknown" kept as deleted (as k0002 is)
        Assert.Equal(merged, state);
        Assert.Equal(reference, counts);
        Assert.Contains("k0005||False|k0005|Eve|50|False", state); // the later line of one file wins
        Assert.Contains("k0010||False|k0010|Ten|10|True", state); // the later file wins
        Assert.Contains("k0020||False|k0020||20|", state); // NULL values stay NULL
    }

    [Fact]
    public void A_run_over_a_previous_snapshot_writes_exactly_the_rows_of_the_merged_view()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        LandFirstBatch(ws);
        Merge(ws, "r1");
        var before = Directory.EnumerateFiles(ws.RawDirectory, "*", SearchOption.AllDirectories).ToHashSet();
        ws.LandLines(Batch + "c.jsonl",
            Modify("k0003", 300, "Kay", 33, true),
            Modify("k0001", 150, "Old", 1, false), // older than the applied 200: stale
            Remove("k0004", 301),
            Insert("k0002", 302, "Back", 2, true), // newer than its delete: back
            Remove("k0002", 250)); // older than its delete: a redundant tombstone or stale, as the rules say
        ws.LandLines("seed-3.csv", "id,name,score,active", "k0007,Seven,7,true", "k0001,Csv,1,true");

        var (state, merged, counts, reference) = Merge(ws, "r2", Directory.EnumerateFiles(ws.RawDirectory, "*", SearchOption.AllDirectories).Where(f => !before.Contains(f)));

        Assert.Equal(merged, state);
        Assert.Equal(reference, counts);
        Assert.Contains("k0007||False|k0007|Seven|7|True", state); // an unordered row over an unordered state
        Assert.DoesNotContain(state, r => r.StartsWith("k0001||", StringComparison.Ordinal)); // never over an ordered one
    }

    private static void LandFirstBatch(ChangeWorkspace ws)
    {
        var rows = Enumerable.Range(0, 3000).Select(i => i == 20 ? "k0020,,20," : $"k{i:D4},Name{i},{i},{(i % 2 == 0 ? "true" : "false")}").ToList();
        rows.Insert(2500, "k0005,Eve,50,false"); // past the first 2,048-row vector: the later line wins
        ws.LandLines("seed-1.csv", ["id,name,score,active", .. rows]);
        ws.LandLines("seed-2.csv", "id,name,score,active", "k0010,Ten,10,true");
        ws.LandLines(Batch + "a.jsonl",
            Insert("new", 100, "New", 1, true),
            Modify("k0001", 200, "One", 100, true),
            Remove("k0002", 201),
            Remove("unknown", 202));
        ws.LandLines(Batch + "b.jsonl", Modify("k0001", 200, "One", 100, true)); // a redelivery
    }

    /// <summary>
    /// Runs the change merge on <paramref name="files"/> (default: every raw file) and returns the state's rows, the
    /// merged view's rows in key order, the merge's counts and <c>change_counts</c> read afresh, rows as '|'-joined text.
    /// </summary>
    private static (List<string> State, List<string> Merged, ChangeCounts Counts, ChangeCounts Reference) Merge(ChangeWorkspace ws, string runId,
        IEnumerable<string>? files = null)
    {
        var bucketRoot = Path.Combine(ws.S3Root, ChangeWorkspace.Bucket);
        var raw = (files ?? Directory.EnumerateFiles(ws.RawDirectory, "*", SearchOption.AllDirectories))
            .Select(path => new RawFile(Path.GetRelativePath(bucketRoot, path).Replace(Path.DirectorySeparatorChar, '/'), path, new FileInfo(path).Length, DateTimeOffset.UtcNow))
            .OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        var (counts, _) = new ChangeMerge(db, ws.S3Root, ws.Arguments(runId)).Run(raw);
        var reference = Rows(db, "SELECT received, duplicates, stale, inserted, updated, deleted, tombstones FROM change_counts").Single().Split('|').Select(long.Parse).ToList();
        return (Rows(db, "SELECT * FROM snapshot_state"), Rows(db, "SELECT * FROM merged ORDER BY __key"), counts,
            new ChangeCounts(reference[0], reference[1], reference[2], reference[3], reference[4], reference[5], reference[6]));
    }

    private static List<string> Rows(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}
