using System.Globalization;
using System.Text;
using System.Text.Json;
using TrainingOrchestration.LocalRuntime.S3;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Evaluation;

/// <summary>
/// The evaluation handler with the champion scored on the candidate's own test split (ScoreChampion's output): the
/// decision follows the paired comparison on those rows, not the champion's metric from the split it was trained with.
/// </summary>
public sealed class ChampionOnSharedSplitTests : IDisposable
{
    private const string ChampionRunId = EvaluationHarness.ChampionRunId;
    private static readonly string PredictionsPrefix = EvaluationHarness.PredictionsPrefix;
    private static readonly string ChampionPrefix = EvaluationHarness.ChampionPrefix;

    private readonly EvaluationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>400 rows; "strong" separates the classes completely (AUC 1), "moderate" overlaps them (AUC about 0.82, log loss about 0.52).</summary>
    private static (int Label, double Strong, double Moderate)[] Rows()
    {
        var random = new Random(7);
        return Enumerable.Range(0, 400).Select(_ =>
        {
            var label = random.Next(2);
            var u = random.NextDouble();
            return (label, label == 1 ? 0.6 + 0.35 * u : 0.05 + 0.35 * u, label == 1 ? 0.35 + 0.5 * u : 0.15 + 0.5 * u);
        }).ToArray();
    }

    private Task Write(string prefix, IEnumerable<(int Label, double Score)> rows) =>
        _harness.WriteAsync(prefix, rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Label},{r.Score}")));

    private Task<JsonElement> Evaluate() => _harness.EvaluateAsync(PipelineSpecs.Churn(), withArtifact: true);

    [Fact]
    public async Task A_candidate_better_than_the_champions_old_metric_but_not_on_the_shared_split_is_not_promoted()
    {
        var rows = Rows();
        await Write(PredictionsPrefix, rows.Select(r => (r.Label, r.Moderate)));
        await Write(ChampionPrefix, rows.Select(r => (r.Label, r.Strong)));
        // Measured on its own, older split the champion scored 0.70: the old comparison would have promoted a 0.82.
        _harness.Registry.SetChampion("churn", new ChampionRecord(ChampionRunId, null, new Dictionary<string, double> { ["auc"] = 0.70 }, "auc", null));

        var result = await Evaluate();

        Assert.True(result.GetProperty("metrics").GetProperty("auc").GetDouble() > 0.75);
        Assert.All(result.GetProperty("thresholds").EnumerateArray(), t => Assert.True(t.GetProperty("passed").GetBoolean()));
        Assert.Equal("REJECT", result.GetProperty("decision").GetString());
        var champion = result.GetProperty("champion");
        Assert.Equal(ChampionRunId, champion.GetProperty("runId").GetString());
        Assert.Equal(1.0, champion.GetProperty("metrics").GetProperty("auc").GetDouble());
        Assert.True(champion.GetProperty("difference").GetDouble() < 0);
        Assert.Equal("delong", champion.GetProperty("interval").GetProperty("method").GetString());
        Assert.Equal("REJECT", champion.GetProperty("decision").GetString());
        Assert.Contains("on the same test split", result.GetProperty("reason").GetString());
        Assert.Equal(ModelStatus.Rejected, Assert.Single(_harness.Registry.Candidates).Status);
    }

    [Fact]
    public async Task A_candidate_clearly_better_on_the_shared_split_is_promoted_against_the_scored_champion()
    {
        var rows = Rows();
        await Write(PredictionsPrefix, rows.Select(r => (r.Label, r.Strong)));
        await Write(ChampionPrefix, rows.Select(r => (r.Label, r.Moderate)));

        var result = await Evaluate();

        Assert.Equal("PROMOTE", result.GetProperty("decision").GetString());
        Assert.Equal(ChampionRunId, result.GetProperty("expectedChampionRunId").GetString());
        var interval = result.GetProperty("champion").GetProperty("interval");
        Assert.True(interval.GetProperty("lower").GetDouble() >= 0.005);
        Assert.Equal(0.95, interval.GetProperty("confidence").GetDouble());
        Assert.Equal(ModelStatus.Candidate, Assert.Single(_harness.Registry.Candidates).Status);
    }

    [Fact]
    public async Task Champion_predictions_that_do_not_pair_with_the_candidates_keep_the_champion()
    {
        var rows = Rows();
        await Write(PredictionsPrefix, rows.Select(r => (r.Label, r.Strong)));
        await Write(ChampionPrefix, rows.Skip(1).Select(r => (r.Label, r.Moderate)));

        var result = await Evaluate();

        Assert.Equal("REJECT", result.GetProperty("decision").GetString());
        Assert.Contains("cannot be paired", result.GetProperty("champion").GetProperty("unavailable").GetString());
    }
}
