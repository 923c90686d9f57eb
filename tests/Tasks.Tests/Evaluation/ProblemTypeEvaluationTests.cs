using System.Globalization;
using System.Text;
using System.Text.Json;
using TrainingOrchestration.LocalRuntime.S3;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

/// <summary>
/// The evaluation handler for a regression and a multi-class pipeline: the test split read in its type's format, the
/// type's metrics, the champion compared on the same rows with lower-is-better metrics flipped, and the model quality
/// statistics in the section Model Monitor uses for the type.
/// </summary>
public sealed class ProblemTypeEvaluationTests : IDisposable
{
    private static readonly string PredictionsPrefix = EvaluationHarness.PredictionsPrefix;
    private static readonly string ChampionPrefix = EvaluationHarness.ChampionPrefix;

    private readonly EvaluationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private Task Write(string prefix, IEnumerable<string> lines) => _harness.WriteAsync(prefix, lines);

    private Task<JsonElement> Evaluate(PipelineSpec spec, bool withChampion = true) => _harness.EvaluateAsync(spec, withChampion);

    private Task<JsonElement> ModelQuality() => _harness.ModelQualityAsync();

    /// <summary>300 regression rows: labels 0..100, a "close" model off by at most 1, a "loose" one off by up to 10.</summary>
    private static (double Label, double Close, double Loose)[] RegressionRows()
    {
        var random = new Random(11);
        return Enumerable.Range(0, 300).Select(_ =>
        {
            var label = Math.Round(random.NextDouble() * 100, 2);
            return (label, label + (random.NextDouble() * 2 - 1), label + (random.NextDouble() * 20 - 10));
        }).ToArray();
    }

    private static string Line(double label, double value) => string.Create(CultureInfo.InvariantCulture, $"{label},{value}");

    [Fact]
    public async Task A_regression_candidate_with_clearly_lower_rmse_on_the_shared_split_is_promoted()
    {
        var rows = RegressionRows();
        await Write(PredictionsPrefix, rows.Select(r => Line(r.Label, r.Close)));
        await Write(ChampionPrefix, rows.Select(r => Line(r.Label, r.Loose)));

        var result = await Evaluate(PipelineSpecs.Regression());

        var metrics = result.GetProperty("metrics");
        var expectedRmse = Math.Sqrt(rows.Average(r => (r.Label - r.Close) * (r.Label - r.Close)));
        Assert.Equal(expectedRmse, metrics.GetProperty("rmse").GetDouble(), 9);
        Assert.Equal(rows.Average(r => Math.Abs(r.Label - r.Close)), metrics.GetProperty("mae").GetDouble(), 9);
        Assert.False(metrics.TryGetProperty("auc", out _));
        Assert.Equal("PROMOTE", result.GetProperty("decision").GetString());
        var champion = result.GetProperty("champion");
        Assert.True(champion.GetProperty("difference").GetDouble() > 4, "the improvement is champion RMSE - candidate RMSE");
        Assert.True(champion.GetProperty("interval").GetProperty("lower").GetDouble() > 0);
        Assert.Equal("paired-bootstrap", champion.GetProperty("interval").GetProperty("method").GetString());
        Assert.Contains("(lower is better)", result.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_regression_candidate_worse_than_the_champion_on_the_shared_split_is_rejected()
    {
        var rows = RegressionRows();
        await Write(PredictionsPrefix, rows.Select(r => Line(r.Label, r.Loose)));
        await Write(ChampionPrefix, rows.Select(r => Line(r.Label, r.Close)));

        var result = await Evaluate(PipelineSpecs.Regression());

        Assert.Equal("REJECT", result.GetProperty("decision").GetString());
        Assert.True(result.GetProperty("champion").GetProperty("difference").GetDouble() < 0);
    }

    [Fact]
    public async Task A_regression_models_quality_statistics_use_model_monitors_regression_section()
    {
        var rows = RegressionRows();
        await Write(PredictionsPrefix, rows.Select(r => Line(r.Label, r.Close)));

        var result = await Evaluate(PipelineSpecs.Regression(), withChampion: false);
        var quality = await ModelQuality();

        var section = quality.GetProperty("regression_metrics");
        var rmse = result.GetProperty("metrics").GetProperty("rmse").GetDouble();
        Assert.Equal(rmse, section.GetProperty("rmse").GetProperty("value").GetDouble(), 12);
        Assert.Equal(rmse * rmse, section.GetProperty("mse").GetProperty("value").GetDouble(), 9);
        Assert.True(section.TryGetProperty("mae", out _) && section.TryGetProperty("r2", out _));
        Assert.False(quality.TryGetProperty("binary_classification_metrics", out _));
        Assert.Equal(300, quality.GetProperty("dataset").GetProperty("item_count").GetInt32());
    }

    /// <summary>300 three-class rows; "sharp" puts 0.8 on the true class, "vague" 0.4.</summary>
    private static (int Label, string Sharp, string Vague)[] ClassRows()
    {
        var random = new Random(5);
        return Enumerable.Range(0, 300).Select(_ =>
        {
            var label = random.Next(3);
            string Row(double onTrue)
            {
                var rest = (1 - onTrue) / 2;
                var p = Enumerable.Range(0, 3).Select(k => k == label ? onTrue : rest);
                return $"{label},1.5,0,[{string.Join(", ", p.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]";
            }
            return (label, Row(0.8), Row(0.4));
        }).ToArray();
    }

    [Fact]
    public async Task A_multiclass_candidate_with_clearly_lower_log_loss_on_the_shared_split_is_promoted()
    {
        var rows = ClassRows();
        await Write(PredictionsPrefix, rows.Select(r => r.Sharp));
        await Write(ChampionPrefix, rows.Select(r => r.Vague));

        var result = await Evaluate(PipelineSpecs.Multiclass());

        var metrics = result.GetProperty("metrics");
        Assert.Equal(-Math.Log(0.8), metrics.GetProperty("log_loss").GetDouble(), 9);
        Assert.Equal(1.0, metrics.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(1.0, metrics.GetProperty("macro_f1").GetDouble(), 12);
        Assert.Equal("PROMOTE", result.GetProperty("decision").GetString());
        var champion = result.GetProperty("champion");
        Assert.Equal(-Math.Log(0.4), champion.GetProperty("metrics").GetProperty("log_loss").GetDouble(), 9);
        Assert.Equal(Math.Log(0.8) - Math.Log(0.4), champion.GetProperty("difference").GetDouble(), 9);
    }

    [Fact]
    public async Task A_multiclass_models_quality_statistics_hold_the_confusion_matrix_by_class()
    {
        var rows = ClassRows();
        await Write(PredictionsPrefix, rows.Select(r => r.Sharp));

        await Evaluate(PipelineSpecs.Multiclass(), withChampion: false);
        var quality = await ModelQuality();

        var section = quality.GetProperty("multiclass_classification_metrics");
        var confusion = section.GetProperty("confusion_matrix");
        for (var k = 0; k < 3; k++)
        {
            var key = k.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(rows.Count(r => r.Label == k), confusion.GetProperty(key).GetProperty(key).GetInt32());
        }
        Assert.Equal(1.0, section.GetProperty("accuracy").GetProperty("value").GetDouble());
        Assert.True(quality.GetProperty("training_orchestration").GetProperty("metrics").TryGetProperty("macro_f1", out _));
    }

    [Fact]
    public async Task Binary_predictions_under_a_multiclass_pipeline_fail_the_evaluation_naming_the_file_and_line()
    {
        await Write(PredictionsPrefix, ["1,0.9"]);

        var error = await Assert.ThrowsAsync<PredictionFormatException>(() => Evaluate(PipelineSpecs.Multiclass(), withChampion: false));

        Assert.Equal(1, error.Line);
        Assert.EndsWith("part-00000.csv.out", error.Where);
    }
}
