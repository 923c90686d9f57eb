using System.Security.Cryptography;
using TrainingOrchestration.LocalRuntime.Glue;
using static TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc.DynamoDbRecords;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

public sealed class DynamoDbStreamMergeTests
{
    private const string Batch = "changes/2026/11/23/10/accounts-changes-1-2026-11-23-10-00-00-";

    [Fact]
    public void Insert_update_delete_leaves_only_the_keys_still_present_with_their_latest_image()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        ws.LandLines(Batch + "a.jsonl",
            Insert("a", 100, "Ann", 1.5, true),
            Insert("b", 101, "Bob", 2, false),
            Modify("a", 102, "Ann", 3.25, false),
            Remove("b", 103));

        var outcome = ws.Run("r1");

        Assert.Equal(["a,0,3.25"], ws.Rows("r1"));
        Assert.Equal(new ChangeCounts(4, 0, 0, 2, 1, 1, 0), outcome.Changes);
    }

    [Fact]
    public void An_exact_redelivery_is_counted_once_and_changes_nothing()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        ws.LandLines(Batch + "a.jsonl", Insert("a", 100, "Ann", 1.5, true), Modify("a", 101, "Ann", 2, true));
        ws.LandLines(Batch + "b.jsonl", Modify("a", 101, "Ann", 2, true));

        var outcome = ws.Run("r1");

        Assert.Equal(["a,1,2.0"], ws.Rows("r1"));
        Assert.Equal(1, outcome.Changes.Duplicates);
        Assert.Equal(1, outcome.Changes.Updated);
    }

    [Fact]
    public void Out_of_order_records_resolve_by_sequence_number_not_by_arrival()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        ws.LandLines(Batch + "a.jsonl", Insert("a", 100, "Ann", 1, true), Modify("a", 300, "Ann", 30, false));
        ws.LandLines(Batch + "b.jsonl", Modify("a", 250, "Ann", 25, true));

        ws.Run("r1");

        Assert.Equal(["a,0,30.0"], ws.Rows("r1"));
    }

    [Fact]
    public void A_late_older_change_arriving_after_a_delete_was_applied_does_not_bring_the_key_back()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        ws.LandLines(Batch + "a.jsonl", Insert("a", 100, "Ann", 1, true), Insert("b", 101, "Bob", 2, true), Remove("a", 300));
        ws.Run("r1");
        ws.LandLines("changes/2026/11/23/11/late.jsonl", Modify("a", 250, "Ann", 25, true));

        var second = ws.Run("r2");

        Assert.Equal(["b,1,2.0"], ws.Rows("r2"));
        Assert.Equal(1, second.Changes.Stale);
        Assert.Equal(0, second.Changes.Updated);
    }

    [Fact]
    public void A_run_reads_the_previous_snapshot_and_only_the_new_files_and_a_changed_value_shows_up_in_its_features()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        ws.LandLines("export/AWSDynamoDB/01795428000000-a1b2c3d4/data/part-0000.json",
            Export("a", "Ann", 1, true), Export("b", "Bob", 2, false), Export("c", "Cid", 3, true));
        var first = ws.Run("r1");
        ws.LandLines(Batch + "a.jsonl", Modify("b", 100, "Bob", 20, true), Insert("d", 101, "Dee", 4, false));

        var second = ws.Run("r2");

        Assert.Equal(3, first.Changes.Inserted);
        Assert.Equal(["a,1,1.0", "b,0,2.0", "c,1,3.0"], ws.Rows("r1"));
        Assert.Equal(["a,1,1.0", "b,1,20.0", "c,1,3.0", "d,0,4.0"], ws.Rows("r2"));
        Assert.Equal(1, second.IngestedFiles);
        Assert.Equal(2, second.Changes.Received);
        Assert.Equal(["run=r1", "run=r2"], ws.Snapshots());
    }

    [Fact]
    public void A_delete_of_an_unknown_key_is_applied_without_changing_any_row()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        ws.LandLines(Batch + "a.jsonl", Insert("a", 100, "Ann", 1, true), Remove("zz", 101));

        var outcome = ws.Run("r1");

        Assert.Equal(["a,1,1.0"], ws.Rows("r1"));
        Assert.Equal(1, outcome.Changes.Deleted);
    }

    [Fact]
    public void A_deleted_entity_is_absent_from_the_table_and_from_every_channel()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        var lines = Enumerable.Range(0, 40).Select(i => Insert($"k{i:D2}", 100 + i, "N", 1000 + i, i % 2 == 0)).Append(Remove("k07", 500)).ToArray();
        ws.LandLines(Batch + "a.jsonl", lines);

        var outcome = ws.Run("r1");

        Assert.Equal(39, outcome.Rows.Table);
        Assert.DoesNotContain(ws.Rows("r1"), r => r.StartsWith("k07,", StringComparison.Ordinal));
        foreach (var channel in new[] { "train", "validation", "test" })
        {
            var file = Assert.Single(ws.Parts("r1", channel));
            Assert.DoesNotContain(File.ReadLines(file), l => l.EndsWith(",1007.0", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Typed_attributes_map_to_the_declared_columns_and_a_NULL_attribute_is_null()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        var image = Image("a", "Ann", 7, true);
        image["score"] = new System.Text.Json.Nodes.JsonObject { ["NULL"] = true };
        ws.LandLines(Batch + "a.jsonl", Record("INSERT", "a", 100, image), Insert("b", 101, "Bob", 2.5, false));

        ws.Run("r1");

        Assert.Equal(["a,1,", "b,0,2.5"], ws.Rows("r1"));
    }

    [Fact]
    public void A_record_the_merge_cannot_read_fails_the_run_naming_file_and_line_and_leaves_raw_untouched()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        var path = ws.LandLines(Batch + "a.jsonl", Insert("a", 100, "Ann", 1, true), "{\"eventName\": \"INSERT\", \"dynamodb\": {", Insert("b", 101, "Bob", 2, true));
        var before = SHA256.HashData(File.ReadAllBytes(path));

        var error = Assert.Throws<FeatureJobException>(() => ws.Run("r1"));

        Assert.Contains($"raw/accounts/{Batch}a.jsonl line 2", error.Message);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.False(Directory.Exists(Path.Combine(ws.S3Root, ChangeWorkspace.Bucket, "curated", "accounts", "run=r1")));
    }

    [Fact]
    public void Only_the_last_N_snapshots_are_kept_and_a_rerun_of_a_kept_run_reproduces_its_features()
    {
        using var ws = new ChangeWorkspace("dynamodb-stream");
        ws.LandLines(Batch + "a.jsonl", Insert("a", 100, "Ann", 1, true));
        ws.Run("r1", keepSnapshots: 2);
        ws.LandLines(Batch + "b.jsonl", Modify("a", 200, "Ann", 2, true));
        ws.Run("r2", keepSnapshots: 2);
        ws.LandLines(Batch + "c.jsonl", Modify("a", 300, "Ann", 3, true));
        ws.Run("r3", keepSnapshots: 2);

        ws.Run("r2", keepSnapshots: 2);

        Assert.Equal(["run=r2", "run=r3"], ws.Snapshots());
        Assert.Equal(["a,1,2.0"], ws.Rows("r2"));
    }
}
