using TrainingOrchestration.Contracts.Tests.Support;

namespace TrainingOrchestration.Contracts.Tests.Rules;

public class ColumnRuleTests
{
    private const string Columns = """
        contract: test
        columns:
          - { name: id, type: string }
          - { name: age, type: integer }
          - { name: score, type: decimal }
          - { name: plan, type: string }
        """;

    private const string Good = "id,age,score,plan\nA1,30,0.5,basic\nA2,41,0.9,pro\nA3,25,0.1,basic\n";

    private static Task<Contracts.Validation.ValidationOutcome> Run(string rules, string csv) =>
        ContractRun.ValidateAsync(Columns + "\nrules:\n" + rules, csv);

    [Fact]
    public async Task Values_that_do_not_coerce_to_the_column_type_fail_the_type_rule_with_their_rows()
    {
        var outcome = await Run("  - { check: not_null, column: id }", "id,age,score,plan\nA1,30,0.5,x\nA2,thirty,1e3,x\nA3,4.5,NaN,x\n");

        var age = outcome.Rule("type:age");
        Assert.False(age.Passed);
        Assert.Equal(2, age.FailingCount);
        Assert.Equal([(2L, "thirty"), (3L, "4.5")], age.Examples.Select(e => (e.Row, e.Value)));
        Assert.Equal("part-00000.csv", age.Examples[0].File);
        Assert.Equal([3L], outcome.Rule("type:score").Examples.Select(e => e.Row));
        Assert.False(outcome.Passed);
    }

    [Fact]
    public async Task Not_null_passes_on_complete_data_and_reports_null_rows()
    {
        Assert.True((await Run("  - { check: not_null, column: age }", Good)).Rule("not_null:age").Passed);

        var failed = (await Run("  - { check: not_null, column: age }", "id,age,score,plan\nA1,,0.5,x\nA2,3,0.5,x\n")).Rule("not_null:age");

        Assert.False(failed.Passed);
        Assert.Equal(1, failed.FailingCount);
        Assert.Equal(1, failed.Examples.Single().Row);
    }

    [Fact]
    public async Task Completeness_compares_the_present_fraction_with_the_minimum()
    {
        const string csv = "id,age,score,plan\nA1,,0.5,x\nA2,3,0.5,x\nA3,4,0.5,x\nA4,5,0.5,x\n";

        var pass = (await Run("  - { check: completeness, column: age, min: 0.75 }", csv)).Rule("completeness:age");
        var fail = (await Run("  - { check: completeness, column: age, min: 0.8 }", csv)).Rule("completeness:age");

        Assert.True(pass.Passed);
        Assert.False(fail.Passed);
        Assert.Equal("0.75", fail.Observed);
        Assert.Equal(">= 0.8", fail.Threshold);
        Assert.Equal(1, fail.FailingCount);
    }

    [Fact]
    public async Task Allowed_values_fail_values_outside_the_set()
    {
        Assert.True((await Run("  - { check: allowed_values, column: plan, values: [basic, pro] }", Good)).Rule("allowed_values:plan").Passed);

        var failed = (await Run("  - { check: allowed_values, column: age, values: [30, 41] }", Good)).Rule("allowed_values:age");

        Assert.False(failed.Passed);
        Assert.Equal(3, failed.Examples.Single().Row);
        Assert.Equal("25", failed.Examples.Single().Value);
    }

    [Fact]
    public async Task Range_reports_observed_extremes_and_rows_outside_the_bounds()
    {
        Assert.True((await Run("  - { check: range, column: score, min: 0, max: 1 }", Good)).Rule("range:score").Passed);

        var failed = (await Run("  - { check: range, column: age, min: 26, max: 40 }", Good)).Rule("range:age");

        Assert.False(failed.Passed);
        Assert.Equal("min 25, max 41", failed.Observed);
        Assert.Equal("between 26 and 40", failed.Threshold);
        Assert.Equal([2L, 3L], failed.Examples.Select(e => e.Row));
    }

    [Fact]
    public async Task Length_and_pattern_check_string_values()
    {
        var outcome = await Run("""
              - { check: length, column: id, min: 2, max: 2 }
              - { check: pattern, column: id, regex: '^A[0-9]$' }
            """, "id,age,score,plan\nA1,1,1,x\nA22,1,1,x\nB3,1,1,x\n");

        Assert.Equal([2L], outcome.Rule("length:id").Examples.Select(e => e.Row));
        Assert.Equal([2L, 3L], outcome.Rule("pattern:id").Examples.Select(e => e.Row));
        Assert.Equal("lengths 2..3", outcome.Rule("length:id").Observed);
    }

    [Fact]
    public async Task A_pattern_that_times_out_fails_the_rule_naming_the_row_instead_of_throwing()
    {
        var evil = new string('a', 40) + "!";

        var outcome = await Run("""
              - { check: pattern, column: id, regex: '^(a+)+$' }
            """, $"id,age,score,plan\nA1,1,1,x\n{evil},1,1,x\n{evil},1,1,x\n");

        var rule = outcome.Rule("pattern:id");
        Assert.False(rule.Passed);
        Assert.StartsWith("timed out at row 2", rule.Observed);
        Assert.Contains("simplify", rule.Note);
    }

    [Fact]
    public async Task Unique_and_primary_key_report_duplicates_with_the_first_occurrence()
    {
        const string csv = "id,age,score,plan\nA1,1,1,x\nA2,1,1,x\nA1,2,1,y\n,3,1,y\n";

        var outcome = await Run("""
              - { check: primary_key, column: id }
              - { check: unique, columns: [age, plan] }
            """, csv);

        var key = outcome.Rule("primary_key:id");
        Assert.False(key.Passed);
        Assert.Equal(2, key.FailingCount);
        Assert.Equal("1 duplicates, 1 nulls", key.Observed);
        Assert.Contains(key.Examples, e => e.Row == 3 && e.Value.Contains("first at part-00000.csv row 1"));
        Assert.Contains(key.Examples, e => e.Row == 4);
        var pair = outcome.Rule("unique:age+plan");
        Assert.False(pair.Passed);
        Assert.Equal(2, pair.Examples.Single().Row);
    }

    [Fact]
    public async Task Unique_ignores_nulls_and_passes_on_distinct_values()
    {
        var outcome = await Run("  - { check: unique, column: id }", "id,age,score,plan\nA1,1,1,x\n,1,1,x\n,2,1,y\n");

        Assert.True(outcome.Rule("unique:id").Passed);
    }

    [Fact]
    public async Task Long_example_values_are_clipped_so_the_outcome_stays_small()
    {
        var longValue = new string('x', 5000);

        var outcome = await Run("  - { check: length, column: plan, max: 10 }", $"id,age,score,plan\nA1,1,1,{longValue}\n");

        var example = outcome.Rule("length:plan").Examples.Single();
        Assert.Equal(201, example.Value.Length);
        Assert.EndsWith("…", example.Value);
    }
}
