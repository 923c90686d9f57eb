using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Rules;

public class TableRuleTests
{
    private const string Columns = """
        contract: test
        columns:
          - { name: id, type: string }
          - { name: x, type: decimal }
          - { name: y, type: decimal }
          - { name: at, type: timestamp }
        """;

    private static string Rows(int n) =>
        "id,x,y,at\n" + string.Concat(Enumerable.Range(1, n).Select(i => $"K{i},{i},{i * 2},2026-11-2{i % 3}T10:00:00Z\n"));

    private static Task<ValidationOutcome> Run(string rules, string csv, ValidationInputs? inputs = null) =>
        ContractRun.ValidateAsync(Columns + "\nrules:\n" + rules, csv, inputs);

    [Fact]
    public async Task Row_count_checks_absolute_bounds()
    {
        Assert.True((await Run("  - { check: row_count, min: 10, max: 10 }", Rows(10))).Rule("row_count").Passed);

        var failed = (await Run("  - { check: row_count, min: 11 }", Rows(10))).Rule("row_count");

        Assert.False(failed.Passed);
        Assert.Equal("10 rows", failed.Observed);
        Assert.Equal("rows >= 11", failed.Threshold);
    }

    [Fact]
    public async Task Row_count_change_compares_with_the_last_accepted_run_and_passes_without_one()
    {
        const string rule = "  - { check: row_count_change, maxDecrease: 0.2, maxIncrease: 0.5 }";
        var baseline = (await Run(rule, Rows(10))).Profile!;

        var first = (await Run(rule, Rows(10))).Rule("row_count_change");
        var shrunk = (await Run(rule, Rows(7), new ValidationInputs { Now = ContractRun.Now, Baseline = baseline })).Rule("row_count_change");
        var grown = (await Run(rule, Rows(14), new ValidationInputs { Now = ContractRun.Now, Baseline = baseline })).Rule("row_count_change");

        Assert.True(first.Passed);
        Assert.Equal("no accepted run to compare with yet", first.Note);
        Assert.False(shrunk.Passed);
        Assert.Contains("-30%", shrunk.Observed);
        Assert.True(grown.Passed);
    }

    [Fact]
    public async Task Freshness_measures_the_newest_timestamp_against_the_clock()
    {
        var fresh = (await Run("  - { check: freshness, column: at, maxAge: 2d }", Rows(5))).Rule("freshness:at");
        var stale = (await Run("  - { check: freshness, column: at, maxAge: 1h }", Rows(5))).Rule("freshness:at");

        Assert.True(fresh.Passed);
        Assert.False(stale.Passed);
        Assert.Contains("newest 2026-11-22T10:00:00Z", stale.Observed);
    }

    [Fact]
    public async Task Freshness_without_a_column_uses_the_manifest_watermark()
    {
        var inputs = new ValidationInputs { Now = ContractRun.Now, Manifest = new FeatureManifest { Watermark = "2026-11-10T00:00:00Z" } };

        var outcome = (await Run("  - { check: freshness, maxAge: 7d }", Rows(3), inputs)).Rule("freshness");

        Assert.False(outcome.Passed);
        Assert.StartsWith("data watermark", outcome.Threshold);
    }

    [Fact]
    public async Task Mean_stddev_and_quantile_bounds_report_the_observed_statistic()
    {
        var outcome = await Run("""
              - { check: mean, column: x, min: 50, max: 51 }
              - { check: stddev, column: x, max: 10 }
              - { check: quantile, column: x, q: 0.5, min: 45, max: 55 }
            """, Rows(100));

        Assert.True(outcome.Rule("mean:x").Passed);
        Assert.Equal("mean 50.5", outcome.Rule("mean:x").Observed);
        Assert.False(outcome.Rule("stddev:x").Passed);
        Assert.Equal("stddev 29.0115", outcome.Rule("stddev:x").Observed);
        Assert.True(outcome.Rule("quantile:x").Passed);
    }

    [Fact]
    public async Task Expression_rules_fail_rows_where_the_predicate_is_false_and_quote_their_values()
    {
        const string csv = "id,x,y,at\nK1,1,2,\nK2,5,3,\nK3,,1,\n";

        var outcome = (await Run("  - { check: expression, name: y_covers_x, expr: 'y >= x or x == 0' }", csv)).Rule("y_covers_x");

        Assert.False(outcome.Passed);
        Assert.Equal(1, outcome.FailingCount);
        Assert.Equal(2, outcome.Examples.Single().Row);
        Assert.Equal("x=5, y=3", outcome.Examples.Single().Value);
    }

    [Fact]
    public async Task Glue_job_rule_checks_state_time_cost_and_rows_written()
    {
        const string rule = "  - { check: glue_job, maxExecutionTime: 10m, maxDpuSeconds: 1000, minRowsWritten: 3 }";
        var manifest = new FeatureManifest { Rows = new ManifestRows { Table = 5, Train = 3, Validation = 1, Test = 1 } };
        var good = new ValidationInputs { Now = ContractRun.Now, Manifest = manifest, GlueJobRun = new GlueJobRun { JobRunState = "SUCCEEDED", ExecutionTime = 120, DpuSeconds = 480 } };
        var costly = good with { GlueJobRun = good.GlueJobRun! with { DpuSeconds = 5000 } };
        var mismatched = good with { Manifest = manifest with { Rows = manifest.Rows with { Table = 6 } } };

        Assert.True((await Run(rule, Rows(5), good)).Rule("glue_job").Passed);
        var expensive = (await Run(rule, Rows(5), costly)).Rule("glue_job");
        Assert.False(expensive.Passed);
        Assert.Contains("5000 DPU-seconds", expensive.Note);
        Assert.Contains("manifest says 6 rows, the table has 5", (await Run(rule, Rows(5), mismatched)).Rule("glue_job").Note);
    }

    [Fact]
    public async Task A_failed_warn_rule_is_reported_but_does_not_fail_the_run()
    {
        var outcome = await Run("  - { check: row_count, min: 100, severity: warn }", Rows(3));

        Assert.False(outcome.Rule("row_count").Passed);
        Assert.True(outcome.Passed);
        Assert.Contains("warnings: row_count", outcome.Summary);
    }

    [Fact]
    public async Task Missing_extra_and_reordered_columns_and_ragged_rows_fail_the_columns_rule()
    {
        var missing = (await Run("  - { check: row_count, min: 0 }", "id,x,at\nK1,1,\n")).Rule("columns");
        var reordered = (await Run("  - { check: row_count, min: 0 }", "x,id,y,at\n1,K1,2,\n")).Rule("columns");
        var ragged = (await Run("  - { check: row_count, min: 0 }", "id,x,y,at\nK1,1,2,\nK2,1\n")).Rule("columns");

        Assert.Contains("missing column(s) y", missing.Observed);
        Assert.Contains("out of order", reordered.Observed);
        Assert.Equal(2, ragged.Examples.Single().Row);
        Assert.False(ragged.Passed);
    }

    [Fact]
    public async Task A_file_that_is_not_valid_csv_fails_the_columns_rule_instead_of_throwing()
    {
        var outcome = await Run("  - { check: row_count, min: 0 }", "id,x,y,at\nK1,1,2,\nK2,\"open,2,\n");

        var columns = outcome.Rule("columns");
        Assert.False(columns.Passed);
        Assert.Contains("not valid CSV", columns.Observed);
        Assert.False(outcome.Passed);
    }

    [Fact]
    public async Task Outside_the_workflow_the_job_run_rules_pass_with_a_note_and_inside_it_they_fail_without_their_inputs()
    {
        const string rules = "  - { check: glue_job }\n  - { check: freshness, maxAge: 1d }\n";

        var outside = await Run(rules, Rows(3), new ValidationInputs { Now = ContractRun.Now, JobRunExpected = false });
        var inside = await Run(rules, Rows(3));

        Assert.True(outside.Rule("glue_job").Passed);
        Assert.StartsWith("not checked", outside.Rule("freshness").Note);
        Assert.False(inside.Rule("glue_job").Passed);
        Assert.False(inside.Rule("freshness").Passed);
    }
}
