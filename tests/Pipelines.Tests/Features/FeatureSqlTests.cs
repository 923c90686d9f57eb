using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Features;

/// <summary>
/// Every pipeline's features.sql runs on DuckDB over its bundled sample, whether the CSV columns arrive typed
/// (as the local runtime infers them) or as strings, and produces what the XGBoost channels need.
/// </summary>
public sealed class FeatureSqlTests
{
    private static readonly string[] NumericTypes = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"];

    public static TheoryData<string, bool> Pipelines()
    {
        var data = new TheoryData<string, bool>();
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.Pipelines).Where(d => File.Exists(Path.Combine(d, "pipeline.yaml"))).Order())
        {
            data.Add(Path.GetFileName(folder), false);
            data.Add(Path.GetFileName(folder), true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Feature_sql_outputs_the_entity_key_then_the_label_then_numeric_features(string pipeline, bool allVarchar)
    {
        var spec = Load(pipeline);
        using var run = new DuckDbFeatureRun(spec, allVarchar);

        var columns = run.Columns;

        Assert.Equal(spec.Features.EntityKey, columns[0].Name);
        Assert.Equal(spec.Features.Label, columns[1].Name);
        Assert.True(columns.Count > 3, "expected several features");
        Assert.All(columns.Skip(1), c => Assert.True(NumericTypes.Contains(c.Type), $"{c.Name} is {c.Type}, not numeric"));
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Feature_sql_keeps_one_row_per_sample_row_and_entity_key(string pipeline, bool allVarchar)
    {
        var spec = Load(pipeline);
        var sample = SampleCsv.Read(spec.SampleDataFile!);
        using var run = new DuckDbFeatureRun(spec, allVarchar);
        var key = DuckDbFeatureRun.Quote(spec.Features.EntityKey);

        Assert.Equal(sample.Rows.Count, run.Count("SELECT count(*) FROM features"));
        Assert.Equal(sample.Rows.Count, run.Count($"SELECT count(DISTINCT {key}) FROM features"));
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Label_fits_the_objective_over_the_sample(string pipeline, bool allVarchar)
    {
        var spec = Load(pipeline);
        var sample = SampleCsv.Read(spec.SampleDataFile!);
        using var run = new DuckDbFeatureRun(spec, allVarchar);
        var label = DuckDbFeatureRun.Quote(spec.Features.Label);
        switch (ProblemTypes.Of(spec.Training))
        {
            case ProblemType.Binary:
                // 0/1, and 1 exactly where the source says Yes.
                var positives = sample.Rows.Count(r => r[spec.Features.Label] is "Yes" or "yes");
                Assert.Equal(0, run.Count($"SELECT count(*) FROM features WHERE {label} IS NULL OR {label} NOT IN (0, 1)"));
                Assert.Equal(positives, run.Count($"SELECT count(*) FROM features WHERE {label} = 1"));
                Assert.InRange(positives, 1, sample.Rows.Count - 1);
                break;
            case ProblemType.Regression:
                // a number in every row, and not one constant (R² would be undefined).
                Assert.Equal(0, run.Count($"SELECT count(*) FROM features WHERE {label} IS NULL"));
                Assert.True(run.Count($"SELECT count(DISTINCT {label}) FROM features") > 1);
                break;
            default:
                // a class number in 0..num_class-1 in every row, and every class present.
                var classes = ProblemTypes.ClassCount(spec.Training)!.Value;
                Assert.Equal(0, run.Count($"SELECT count(*) FROM features WHERE {label} IS NULL OR {label} < 0 OR {label} >= {classes}"));
                Assert.Equal(classes, run.Count($"SELECT count(DISTINCT {label}) FROM features"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void No_feature_is_null(string pipeline, bool allVarchar)
    {
        var spec = Load(pipeline);
        using var run = new DuckDbFeatureRun(spec, allVarchar);

        foreach (var (name, _) in run.Columns)
        {
            Assert.True(0 == run.Count($"SELECT count(*) FROM features WHERE {DuckDbFeatureRun.Quote(name)} IS NULL"), $"{name} has nulls");
        }
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Hash_split_matches_the_spec_fractions_within_two_percent(string pipeline, bool allVarchar)
    {
        var spec = Load(pipeline);
        using var run = new DuckDbFeatureRun(spec, allVarchar);
        double total = run.Count("SELECT count(*) FROM split_features");

        Assert.InRange(run.Count("SELECT count(*) FROM split_features WHERE split = 'train'") / total, spec.Features.Split.Train - 0.02, spec.Features.Split.Train + 0.02);
        Assert.InRange(run.Count("SELECT count(*) FROM split_features WHERE split = 'validation'") / total, spec.Features.Split.Validation - 0.02, spec.Features.Split.Validation + 0.02);
        Assert.InRange(run.Count("SELECT count(*) FROM split_features WHERE split = 'test'") / total, spec.Features.Split.Test - 0.02, spec.Features.Split.Test + 0.02);
    }

    [Theory]
    [MemberData(nameof(BundledPipelines.Names), MemberType = typeof(BundledPipelines))]
    public void Typed_and_string_columns_give_the_same_features(string pipeline)
    {
        var spec = Load(pipeline);
        using var typed = new DuckDbFeatureRun(spec, allVarchar: false);
        using var strings = new DuckDbFeatureRun(spec, allVarchar: true);
        var key = DuckDbFeatureRun.Quote(spec.Features.EntityKey);
        string Render(DuckDbFeatureRun run) => string.Join("\n", run.Rows($"SELECT * FROM features ORDER BY {key}").Select(r => string.Join(",", r)));

        Assert.Equal(Render(typed), Render(strings));
    }

    [Fact]
    public void Churn_customers_without_total_charges_are_new_and_get_zero()
    {
        var spec = Load("churn");
        using var run = new DuckDbFeatureRun(spec, allVarchar: false);

        var rows = run.Rows("SELECT tenure_months, total_charges FROM features WHERE customer_id IN " +
                            "(SELECT customer_id FROM source WHERE total_charges IS NULL)");

        Assert.Equal(11, rows.Count);
        Assert.All(rows, r => Assert.Equal((0, 0.0), (Convert.ToInt32(r[0]), Convert.ToDouble(r[1]))));
    }

    private static PipelineSpec Load(string pipeline) => PipelineSpecLoader.Load(Path.Combine(RepositoryPaths.Pipelines, pipeline));
}
