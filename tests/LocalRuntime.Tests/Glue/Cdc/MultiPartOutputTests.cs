namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>
/// <c>--output_parts</c>: the feature table and every channel are written as several part files, as Spark writes them on
/// Glue (one per executor core), each a contiguous range of keys; together they hold exactly the single-part output.
/// </summary>
public sealed class MultiPartOutputTests
{
    private static ChangeWorkspace TwentyAccounts()
    {
        var ws = new ChangeWorkspace("s3-files");
        ws.LandLines("LOAD00000001.csv", Enumerable.Range(1, 20).Select(i => $"k{i:D2},Name{i},{i},{(i % 3 == 0 ? "true" : "false")}").ToArray());
        return ws;
    }

    [Fact]
    public void The_table_is_written_as_the_requested_parts_each_with_the_header_and_a_contiguous_key_range()
    {
        using var ws = TwentyAccounts();

        ws.Run("r1", outputParts: 4);

        var parts = ws.Parts("r1", "table");
        Assert.Equal(["part-00000-c000.csv", "part-00001-c000.csv", "part-00002-c000.csv", "part-00003-c000.csv"], parts.Select(Path.GetFileName));
        Assert.All(parts, p => Assert.Equal("id,active,score,split", File.ReadLines(p).First()));
        Assert.All(parts, p => Assert.Equal(5, File.ReadLines(p).Count() - 1));
        var keys = ws.Rows("r1").Select(r => r.Split(',')[0]).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"k{i:D2}"), keys);
    }

    [Fact]
    public void Channels_are_split_into_headerless_parts_whose_rows_together_equal_the_single_part_channel()
    {
        using var single = TwentyAccounts();
        using var several = TwentyAccounts();

        single.Run("r1");
        several.Run("r1", outputParts: 3);

        foreach (var channel in new[] { "train", "validation", "test" })
        {
            var one = File.ReadLines(Assert.Single(single.Parts("r1", channel))).ToList();
            var parts = several.Parts("r1", channel);
            Assert.InRange(parts.Count, 1, 3);
            Assert.Equal(one, parts.SelectMany(File.ReadLines));
            Assert.All(parts, p => Assert.DoesNotContain("active", File.ReadLines(p).FirstOrDefault() ?? "", StringComparison.Ordinal));
        }
        Assert.Equal(3, several.Parts("r1", "train").Count);
        Assert.Equal(single.Rows("r1"), several.Rows("r1"));
    }

    [Fact]
    public void Rows_with_the_same_key_are_written_to_the_same_part_so_a_per_part_uniqueness_check_sees_them_together()
    {
        // Feature SQL that gives k05..k08 three rows each: 28 rows, so an even 4-way cut by row count (7 rows a part)
        // would split k08's rows (sorted positions 13-15) between two parts.
        const string repeating = "SELECT id, CASE WHEN active THEN 1 ELSE 0 END AS active, CAST(score AS DOUBLE) AS score FROM source " +
            "UNION ALL SELECT id, 0 AS active, 1.0 AS score FROM source WHERE id BETWEEN 'k05' AND 'k08' " +
            "UNION ALL SELECT id, 1 AS active, 2.0 AS score FROM source WHERE id BETWEEN 'k05' AND 'k08'";
        using var ws = new ChangeWorkspace("s3-files", featureSql: repeating);
        ws.LandLines("LOAD00000001.csv", Enumerable.Range(1, 20).Select(i => $"k{i:D2},Name{i},{i},{(i % 3 == 0 ? "true" : "false")}").ToArray());

        ws.Run("r1", outputParts: 4);

        var partsOfKey = ws.Parts("r1", "table")
            .SelectMany(p => File.ReadLines(p).Skip(1).Select(line => (Key: line.Split(',')[0], Part: Path.GetFileName(p))))
            .GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Part).Distinct().Count());
        Assert.Equal(20, partsOfKey.Count);
        Assert.All(partsOfKey, k => Assert.Equal(1, k.Value));
        Assert.Equal(28, ws.Parts("r1", "table").Sum(p => File.ReadLines(p).Count() - 1));
    }

    [Fact]
    public void Rows_whose_keys_are_all_null_are_written_once_in_the_first_part()
    {
        const string nullKeys = "SELECT CAST(NULL AS VARCHAR) AS id, CASE WHEN active THEN 1 ELSE 0 END AS active, CAST(score AS DOUBLE) AS score FROM source";
        using var ws = new ChangeWorkspace("s3-files", featureSql: nullKeys);
        ws.LandLines("LOAD00000001.csv", Enumerable.Range(1, 20).Select(i => $"k{i:D2},Name{i},{i},{(i % 3 == 0 ? "true" : "false")}").ToArray());

        ws.Run("r1", outputParts: 4);

        var part = Assert.Single(ws.Parts("r1", "table"));
        Assert.Equal("part-00000-c000.csv", Path.GetFileName(part));
        Assert.Equal(20, File.ReadLines(part).Count() - 1);
    }

    [Fact]
    public void An_output_with_no_rows_still_gets_one_part()
    {
        using var ws = new ChangeWorkspace("s3-files");
        ws.LandLines("LOAD00000001.csv", "k01,Ann,1,true");

        ws.Run("r1", outputParts: 8);

        Assert.Single(ws.Parts("r1", "table"));
        Assert.All(new[] { "train", "validation", "test" }, channel => Assert.Single(ws.Parts("r1", channel)));
    }
}
