using System.Security.Cryptography;
using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>DMS S3 target files: LOADnnnnnnnn.csv full loads, then CDC files named by time with the Op column first.</summary>
public sealed class DmsMergeTests
{
    [Fact]
    public void Full_load_then_insert_update_delete_files_leave_the_latest_state()
    {
        using var ws = new ChangeWorkspace("s3-files");
        ws.LandLines("LOAD00000001.csv", "a,Ann,1,true", "b,Bob,2,false");
        ws.Run("r1");
        ws.LandLines("20261123-1000000000.csv", "I,c,Cid,3,true", "U,a,Ann,1.5,false", "D,b,Bob,2,false", "D,zz,Who,0,false");

        var second = ws.Run("r2");

        Assert.Equal(["a,1,1.0", "b,0,2.0"], ws.Rows("r1"));
        Assert.Equal(["a,0,1.5", "c,1,3.0"], ws.Rows("r2"));
        Assert.Equal(new ChangeCounts(4, 0, 0, 1, 1, 2, 0), second.Changes);
    }

    [Fact]
    public void Without_a_timestamp_column_later_files_and_lines_win_so_a_reinsert_after_a_delete_stays()
    {
        using var ws = new ChangeWorkspace("s3-files");
        ws.LandLines("20261123-1000000000.csv", "I,a,Ann,1,true", "D,a,Ann,1,true");
        ws.LandLines("20261123-1100000000.csv", "I,a,Ann,5,false");

        ws.Run("r1");

        Assert.Equal(["a,0,5.0"], ws.Rows("r1"));
    }

    [Fact]
    public void With_a_timestamp_column_and_a_header_out_of_order_rows_and_redeliveries_resolve_by_commit_time()
    {
        using var ws = new ChangeWorkspace("s3-files");
        ws.LandLines("20261123-1000000000.csv", "Op,commit_ts,id,name,score,active",
            "I,2026-11-23 10:00:00.000001,a,Ann,1,true", "U,2026-11-23 10:00:03.000000,a,Ann,3,false");
        ws.LandLines("20261123-1100000000.csv", "Op,commit_ts,id,name,score,active",
            "U,2026-11-23 10:00:02.000000,a,Ann,2,true", "U,2026-11-23 10:00:03.000000,a,Ann,3,false");

        var outcome = ws.Run("r1", timestampColumn: "commit_ts");

        Assert.Equal(["a,0,3.0"], ws.Rows("r1"));
        Assert.Equal(1, outcome.Changes.Duplicates);
    }

    [Fact]
    public void A_row_with_an_unknown_Op_fails_the_run_naming_file_and_line_and_leaves_raw_untouched()
    {
        using var ws = new ChangeWorkspace("s3-files");
        var path = ws.LandLines("20261123-1000000000.csv", "I,a,Ann,1,true", "X,b,Bob,2,true");
        var before = SHA256.HashData(File.ReadAllBytes(path));

        var error = Assert.Throws<FeatureJobException>(() => ws.Run("r1"));

        Assert.Contains("raw/accounts/20261123-1000000000.csv line 2: an operation the merge does not know", error.Message);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path)));
    }
}
