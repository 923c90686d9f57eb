using TrainingOrchestration.Cli.Commands.New;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Tests.New;

public sealed class ScaffoldPlannerTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("scaffold-plan-");

    public void Dispose() => _directory.Delete(recursive: true);

    private ScaffoldPlan Plan(string label = "decision", string? positive = "approved", string? key = null, string? csv = null) =>
        ScaffoldPlanner.Plan(new ScaffoldOptions("credit", csv ?? CreditCsv.Write(_directory.FullName), label, positive, key, CdcKind.DynamoDbStream),
            TableProfiler.Profile(csv ?? Path.Combine(_directory.FullName, "credit_applications.csv")));

    [Fact]
    public void A_table_without_an_id_gets_a_row_number_key_and_says_so()
    {
        var plan = Plan();

        Assert.True(plan.Key.Added);
        Assert.Equal("row_id", plan.Key.Column);
        Assert.Contains("row's 1-based number", plan.Key.How);
    }

    [Fact]
    public void The_sentinel_becomes_missing_and_is_flagged_beside_the_median()
    {
        var delinquency = Plan().Features.Single(f => f.Name == "months_since_delinquency");

        Assert.Contains("NULLIF(", delinquency.Expression);
        Assert.Contains("99999999", delinquency.Expression);
        Assert.True(delinquency.Max < 120, $"the sentinel leaked into the observed range: max {delinquency.Max}");
        Assert.Contains(Plan().Features, f => f.Name == "months_since_delinquency_missing" && f.IsFlag);
    }

    [Fact]
    public void Empty_numbers_are_imputed_and_categories_are_one_hot_encoded()
    {
        var plan = Plan();

        Assert.Equal("decimal", plan.Features.Single(f => f.Name == "income").ContractType);
        Assert.Contains(plan.Features, f => f.Name == "income_missing");
        Assert.Equal(["housing_mortgage", "housing_other", "housing_own", "housing_rent"],
            plan.Features.Where(f => f.Name.StartsWith("housing_", StringComparison.Ordinal)).Select(f => f.Name).Order());
        Assert.Contains(plan.Features, f => f is { Name: "has_guarantor", IsFlag: true });
    }

    [Fact]
    public void Free_text_is_left_out_with_its_reason_and_headers_become_sql_names()
    {
        var plan = Plan();

        Assert.Contains(plan.Dropped, d => d.Column == "notes" && d.Reason.Contains("free text"));
        Assert.Contains(("Applicant Age", "applicant_age"), plan.RenamedColumns);
    }

    [Fact]
    public void A_label_that_is_not_yes_or_one_needs_its_positive_value_named()
    {
        var error = Assert.Throws<ScaffoldException>(() => Plan(positive: null));

        Assert.Contains("'decision'", error.Message);
        Assert.Contains("--positive", error.Message);
    }

    [Fact]
    public void A_text_label_with_a_few_values_becomes_multiclass_classes_in_ordinal_order()
    {
        var plan = Plan(label: "housing", positive: null);

        Assert.Equal(ProblemType.Multiclass, plan.Label.Type);
        Assert.Equal(["mortgage", "other", "own", "rent"], plan.Label.Classes.Select(c => c.Key));
        Assert.Equal(1500, plan.Label.Classes.Sum(c => c.Value));
    }

    [Fact]
    public void Integer_classes_keep_their_numeric_order_and_many_decimals_are_a_regression()
    {
        var csv = ProblemTypeCsv.Plans(_directory.FullName, rows: 200, numericClasses: true);
        var prices = ProblemTypeCsv.Prices(_directory.FullName, rows: 200);

        var classes = Plan(label: "plan", positive: null, csv: csv).Label;
        var price = Plan(label: "price", positive: null, csv: prices).Label;

        Assert.Equal(["1", "2", "3"], classes.Classes.Select(c => c.Key));
        Assert.Equal(ProblemType.Regression, price.Type);
        Assert.True(price.Min < price.Max);
    }

    [Fact]
    public void Free_text_as_the_label_is_refused_with_what_each_problem_type_needs()
    {
        var error = Assert.Throws<ScaffoldException>(() => Plan(label: "notes", positive: null));

        Assert.Contains("more than 20 distinct values", error.Message);
        Assert.Contains("regression", error.Message);
    }

    [Fact]
    public void A_key_that_repeats_values_is_refused()
    {
        var error = Assert.Throws<ScaffoldException>(() => Plan(key: "housing"));

        Assert.Contains("repeats values", error.Message);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99999999 }, 99999999d)]
    [InlineData(new double[] { 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1 }, -1d)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9999 }, 9999d)]
    public void Sentinels_far_outside_the_other_values_are_found(double[] values, double expected) =>
        Assert.Equal(expected, SentinelDetector.Find(values));

    [Fact]
    public void A_large_but_plausible_nine_is_not_a_sentinel() =>
        Assert.Null(SentinelDetector.Find([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 9999]));
}
