using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue;

public sealed class FeatureJobRunnerTests
{
    [Fact]
    public void A_spill_folder_left_by_a_killed_job_is_deleted_by_the_next_job_and_a_finished_job_leaves_none()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        var spill = Path.Combine(ws.Root, "glue", "spill");
        var left = Directory.CreateDirectory(Path.Combine(spill, "feature-job-0123456789ab")).FullName;
        File.WriteAllText(Path.Combine(left, "duckdb_temp_block-1.block"), "spilled");
        var runner = new FeatureJobRunner(ws.S3Root, ws.BookmarkDirectory, RepoPaths.Pipelines, spillDirectory: spill);

        var outcome = runner.Run(FeatureWorkspace.JobName, FeatureJobArguments.Parse(ws.Arguments("r1")));

        Assert.Equal(7043, outcome.Rows.Table);
        Assert.Empty(Directory.EnumerateFileSystemEntries(spill));
    }

    [Fact]
    public void A_job_in_a_new_workspace_creates_its_spill_folder()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        var spill = Path.Combine(ws.Root, "glue", "spill");
        var runner = new FeatureJobRunner(ws.S3Root, ws.BookmarkDirectory, RepoPaths.Pipelines, spillDirectory: spill);

        var outcome = runner.Run(FeatureWorkspace.JobName, FeatureJobArguments.Parse(ws.Arguments("r1")));

        Assert.Equal(7043, outcome.Rows.Table);
        Assert.True(Directory.Exists(spill));
    }

    [Fact]
    public void Feature_job_writes_table_channels_and_manifest_for_the_churn_sample()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();

        var outcome = ws.Run("20261123T1300-a1b2c3");

        Assert.Equal(7043, outcome.Rows.Table);
        Assert.Equal(outcome.Rows.Table, outcome.Rows.Train + outcome.Rows.Validation + outcome.Rows.Test);
        Assert.InRange(outcome.Rows.Train / (double)outcome.Rows.Table, 0.67, 0.73);
        Assert.InRange(outcome.Rows.Test / (double)outcome.Rows.Table, 0.08, 0.12);
        var table = File.ReadAllLines(ws.FeaturesFile("20261123T1300-a1b2c3", "table"));
        var header = table[0].Split(',');
        Assert.Equal(["customer_id", "churn"], header[..2]);
        Assert.Equal("split", header[^1]);
        Assert.Equal(7044, table.Length);
        var train = File.ReadAllLines(ws.FeaturesFile("20261123T1300-a1b2c3", "train"));
        Assert.Equal(outcome.Rows.Train, train.Length);
        Assert.All(train, line =>
        {
            var cells = line.Split(',');
            Assert.Equal(header.Length - 2, cells.Length);
            Assert.Contains(cells[0], new[] { "0", "1" });
            Assert.All(cells, c => Assert.True(c.Length == 0 || double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"'{c}' is not a number"));
        });
        var manifest = JsonNode.Parse(File.ReadAllText(ws.Manifest("20261123T1300-a1b2c3")))!;
        Assert.Equal("customer_id", (string?)manifest["entityKey"]);
        Assert.Equal(7043, (long)manifest["rows"]!["table"]!);
        Assert.Equal(outcome.Rows.Validation, (long)manifest["rows"]!["validation"]!);
        Assert.Equal(1, (int)manifest["ingestedFiles"]!);
        Assert.Equal("string", (string?)manifest["columns"]![0]!["type"]);
        Assert.Equal(header.Length, manifest["columns"]!.AsArray().Count);
    }

    [Fact]
    public void Every_row_lands_in_the_split_the_md5_rule_assigns()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();

        ws.Run("r1");

        var lines = File.ReadAllLines(ws.FeaturesFile("r1", "table")).Skip(1);
        foreach (var line in lines)
        {
            var cells = line.Split(',');
            var hash = MD5.HashData(Encoding.UTF8.GetBytes(cells[0]));
            var u = ((uint)hash[0] << 24 | (uint)hash[1] << 16 | (uint)hash[2] << 8 | hash[3]) / 4294967296.0;
            var expected = u < 0.7 ? "train" : u < 0.7 + 0.2 ? "validation" : "test";
            Assert.True(expected == cells[^1], $"{cells[0]}: u={u} expected {expected}, got {cells[^1]}");
        }
    }

    [Fact]
    public void Numbers_are_written_invariant_and_round_trippable()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();

        ws.Run("r1");

        var first = File.ReadLines(ws.FeaturesFile("r1", "table")).Skip(1).First(l => l.StartsWith("C000001,", StringComparison.Ordinal));
        Assert.EndsWith(",29.85,29.85," + first.Split(',')[^1], first);
    }

    [Fact]
    public void A_second_bookmarked_run_over_unchanged_raw_data_ingests_nothing_but_still_writes_features()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        ws.Run("r1");

        var second = ws.Run("r2");

        Assert.Equal(0, second.IngestedFiles);
        Assert.Equal(0, second.IngestedRows);
        Assert.Equal(7043, second.Rows.Table);
        Assert.Equal(0, (int)JsonNode.Parse(File.ReadAllText(ws.Manifest("r2")))!["ingestedFiles"]!);
        Assert.False(Directory.Exists(Path.Combine(ws.S3Root, FeatureWorkspace.Bucket, "curated", "customers", "ingest=r2")));
    }

    [Fact]
    public void A_new_raw_file_is_ingested_alone_and_its_rows_win_over_earlier_ingests()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        ws.Run("r1");
        var header = File.ReadLines(RepoPaths.ChurnSample).First();
        ws.WithRawFile("customers-0002.csv", header + "\n" +
            "C000001,Yes,1,0,1,0,1,0,No phone service,DSL,No,Yes,No,No,No,No,Month-to-month,1,Electronic check,99.5,99.5\n" +
            "C999999,No,0,0,0,0,12,1,No,DSL,No,No,No,No,No,No,One year,0,Mailed check,20,240\n");

        var second = ws.Run("r2");

        Assert.Equal(1, second.IngestedFiles);
        Assert.Equal(2, second.IngestedRows);
        Assert.Equal(7044, second.Rows.Table);
        var updated = File.ReadLines(ws.FeaturesFile("r2", "table")).Single(l => l.StartsWith("C000001,", StringComparison.Ordinal));
        Assert.StartsWith("C000001,1,", updated);
        Assert.Contains(",99.5,99.5,", updated);
    }

    [Fact]
    public void Within_one_ingest_the_row_of_the_later_file_wins()
    {
        var header = File.ReadLines(RepoPaths.ChurnSample).First();
        using var ws = new FeatureWorkspace().WithChurnSample("customers-0001.csv")
            .WithRawFile("customers-0002.csv", header + "\n" +
                "C000002,Yes,0,0,0,0,34,1,No,DSL,Yes,No,Yes,No,No,No,One year,0,Mailed check,77.7,1889.5\n");

        var outcome = ws.Run("r1");

        Assert.Equal(2, outcome.IngestedFiles);
        Assert.Equal(7043, outcome.Rows.Table);
        var row = File.ReadLines(ws.FeaturesFile("r1", "table")).Single(l => l.StartsWith("C000002,", StringComparison.Ordinal));
        Assert.StartsWith("C000002,1,", row);
        Assert.Contains(",77.7,1889.5,", row);
    }

    [Fact]
    public void Each_run_adds_its_partition_to_the_features_table_in_the_local_catalog()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        ws.Run("r1");

        ws.Run("r2");

        var table = JsonNode.Parse(File.ReadAllText(Path.Combine(ws.CatalogDirectory, "churn_features.json")))!;
        Assert.Equal("run", (string?)table["PartitionKeys"]![0]!["Name"]);
        Assert.Equal(["r1", "r2"], table["Partitions"]!.AsArray().Select(p => (string)p!["Values"]![0]!));
        Assert.Equal("s3://churn-bucket/features/churn/run=r2/table/", (string?)table["Partitions"]![1]!["Location"]);
        Assert.Equal("customer_id", (string?)table["StorageDescriptor"]!["Columns"]![0]!["Name"]);
    }

    [Fact]
    public void With_bookmarks_disabled_every_raw_file_is_ingested_again_and_the_bookmark_is_left_alone()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        ws.Run("r1");

        var second = ws.Run("r2", "job-bookmark-disable");

        Assert.Equal(1, second.IngestedFiles);
        Assert.Equal(7043, second.Rows.Table);
        Assert.Equal(1, new JobBookmarkStore(ws.BookmarkDirectory).Load(FeatureWorkspace.JobName).Version);
    }

    [Fact]
    public void A_feature_sql_without_the_label_column_fails_the_job_naming_the_column()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        File.WriteAllText(Path.Combine(ws.S3Root, FeatureWorkspace.Bucket, "pipelines", "churn", "features.sql"),
            "SELECT customer_id, tenure FROM source");

        var error = Assert.Throws<FeatureJobException>(() => ws.Run("r1"));

        Assert.Contains("label column 'churn'", error.Message);
    }

    [Fact]
    public void A_text_feature_fails_the_job_asking_to_encode_it_in_the_sql()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        File.WriteAllText(Path.Combine(ws.S3Root, FeatureWorkspace.Bucket, "pipelines", "churn", "features.sql"),
            "SELECT customer_id, CASE WHEN churn = 'Yes' THEN 1 ELSE 0 END AS churn, contract FROM source;");

        var error = Assert.Throws<FeatureJobException>(() => ws.Run("r1"));

        Assert.Contains("'contract' is VARCHAR", error.Message);
    }

    [Fact]
    public void A_failed_run_does_not_advance_the_bookmark()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();
        File.WriteAllText(Path.Combine(ws.S3Root, FeatureWorkspace.Bucket, "pipelines", "churn", "features.sql"), "SELECT nope FROM source");

        Assert.Throws<FeatureJobException>(() => ws.Run("r1"));

        Assert.Equal(0, new JobBookmarkStore(ws.BookmarkDirectory).Load(FeatureWorkspace.JobName).Version);
    }

    [Fact]
    public void No_raw_data_fails_the_job_saying_where_it_looked()
    {
        using var ws = new FeatureWorkspace();

        var error = Assert.Throws<FeatureJobException>(() => ws.Run("r1"));

        Assert.Contains("s3://churn-bucket/raw/customers/", error.Message);
    }

    [Fact]
    public void The_churn_pipelines_own_feature_sql_runs_on_duckdb()
    {
        var sql = Path.Combine(RepoPaths.Pipelines, "churn", "features.sql");
        using var ws = new FeatureWorkspace(sql).WithChurnSample();

        var outcome = ws.Run("r1");

        Assert.Equal(7043, outcome.Rows.Table);
    }
}
