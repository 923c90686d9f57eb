using System.Security.Cryptography;
using TrainingOrchestration.LocalRuntime.Glue;
using static TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc.DebeziumRecords;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

public sealed class DebeziumMergeTests
{
    private const string Batch = "changes/2026/11/23/10/accounts-changes-1-2026-11-23-10-00-00-";

    [Fact]
    public void Create_update_delete_and_its_tombstone_leave_only_the_keys_still_present()
    {
        using var ws = new ChangeWorkspace("debezium");
        ws.LandLines(Batch + "a.jsonl",
            Create("a", 100, "Ann", 1.5, true), Create("b", 101, "Bob", 2, false), Update("a", 102, "Ann", 3.25, false),
            Delete("b", 103), Tombstone("b"));

        var outcome = ws.Run("r1");

        Assert.Equal(["a,0,3.25"], ws.Rows("r1"));
        Assert.Equal(new ChangeCounts(5, 0, 0, 2, 1, 1, 1), outcome.Changes);
    }

    [Fact]
    public void A_tombstone_alone_deletes_its_key()
    {
        using var ws = new ChangeWorkspace("debezium");
        ws.LandLines(Batch + "a.jsonl", Create("a", 100, "Ann", 1, true), Create("b", 101, "Bob", 2, true));
        ws.Run("r1");
        ws.LandLines("changes/2026/11/23/11/b.jsonl", Tombstone("a"));

        var second = ws.Run("r2");

        Assert.Equal(["b,1,2.0"], ws.Rows("r2"));
        Assert.Equal(1, second.Changes.Deleted);
    }

    [Fact]
    public void Redeliveries_and_out_of_order_events_resolve_by_LSN()
    {
        using var ws = new ChangeWorkspace("debezium");
        ws.LandLines(Batch + "a.jsonl", Create("a", 100, "Ann", 1, true), Update("a", 300, "Ann", 30, false));
        ws.LandLines(Batch + "b.jsonl", Update("a", 250, "Ann", 25, true), Update("a", 300, "Ann", 30, false));

        var outcome = ws.Run("r1");

        Assert.Equal(["a,0,30.0"], ws.Rows("r1"));
        Assert.Equal(1, outcome.Changes.Duplicates);
    }

    [Fact]
    public void Snapshot_reads_then_increments_in_a_later_run_with_the_schema_envelope_unwrapped()
    {
        using var ws = new ChangeWorkspace("debezium");
        ws.LandLines(Batch + "a.jsonl", Read("a", 50, "Ann", 1, true), Read("b", 50, "Bob", 2, true));
        ws.Run("r1");
        ws.LandLines("changes/2026/11/23/11/b.jsonl", Update("b", 120, "Bob", 9, false), WithSchema("c", 121, "Cid", 3, true), Delete("zz", 122));

        var second = ws.Run("r2");

        Assert.Equal(["a,1,1.0", "b,1,2.0"], ws.Rows("r1"));
        Assert.Equal(["a,1,1.0", "b,0,9.0", "c,1,3.0"], ws.Rows("r2"));
        Assert.Equal(new ChangeCounts(3, 0, 0, 1, 1, 1, 0), second.Changes);
    }

    [Fact]
    public void A_message_with_an_unknown_op_fails_the_run_naming_its_line_and_leaves_raw_untouched()
    {
        using var ws = new ChangeWorkspace("debezium");
        var odd = Kafka("a", Message("x", "a", 100, null, After("a", "Ann", 1, true)));
        var path = ws.LandLines(Batch + "a.jsonl", Create("b", 99, "Bob", 1, true), odd);
        var before = SHA256.HashData(File.ReadAllBytes(path));

        var error = Assert.Throws<FeatureJobException>(() => ws.Run("r1"));

        Assert.Contains($"raw/accounts/{Batch}a.jsonl line 2: an operation the merge does not know", error.Message);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path)));
    }
}
