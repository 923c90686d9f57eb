using System.Text;
using System.Text.Json;
using TrainingOrchestration.LocalRuntime.S3;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Evaluation;

namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>
/// The evaluation handler over a bucket in a temp folder: batch-transform output written where the candidate's and the
/// champion's predictions go (ScoreTestSplit, ScoreChampion), then <see cref="EvaluateAsync"/> calls the handler with the
/// state input the workflow passes.
/// </summary>
internal sealed class EvaluationHarness : IDisposable
{
    public const string Bucket = "churn-bucket";
    public const string RunId = "20261123T1300-a1b2c3";
    public const string ChampionRunId = "20261101T0000-ffffff";
    public static readonly string PredictionsPrefix = BucketLayout.Predictions("churn", RunId);
    public static readonly string ChampionPrefix = BucketLayout.ChampionPredictions("churn", RunId);

    private readonly TempDirectory _root = new();

    public EvaluationHarness() => Store = new FileObjectStore(_root.Path);

    public FileObjectStore Store { get; }
    public InMemoryModelRegistry Registry { get; } = new();

    public void Dispose() => _root.Dispose();

    /// <summary>One batch-transform output file under <paramref name="prefix"/>, a line per record.</summary>
    public Task WriteAsync(string prefix, IEnumerable<string> lines) =>
        Store.WriteAsync(Bucket, prefix + "part-00000.csv.out", new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")))));

    /// <param name="withChampion">False: the champion's run id is "none" (no champion to compare with).</param>
    /// <param name="withArtifact">Whether the training result carries its ModelArtifacts, as DescribeTrainingJob gives them.</param>
    public async Task<JsonElement> EvaluateAsync(PipelineSpec spec, bool withChampion = true, bool withArtifact = false)
    {
        var function = new EvaluateModelFunction(TaskOptions.FromVariables(new Dictionary<string, string>
        {
            ["TABLE_NAME"] = "churn-table",
            ["BUCKET_NAME"] = Bucket,
            ["PIPELINE_NAME"] = "churn",
            ["PIPELINE_CONFIG"] = PipelineConfig.Serialize(spec),
        }), Store, Registry, new StringWriter(), new FixedClock(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero)));
        var champion = withChampion ? ChampionRunId : "none";
        var artifact = withArtifact
            ? $$$""","ModelArtifacts":{"S3ModelArtifacts":"s3://{{{Bucket}}}/models/raw/churn/churn-{{{RunId}}}-r0/output/model.tar.gz"}"""
            : "";
        var payload = $$$"""
            {"pipeline":"churn","runId":"{{{RunId}}}","bucket":"{{{Bucket}}}","predictionsPrefix":"{{{PredictionsPrefix}}}",
             "training":{"TrainingJobName":"churn-{{{RunId}}}-r0","TrainingJobStatus":"Completed"{{{artifact}}}},
             "champion":{"runId":"{{{champion}}}","predictionsPrefix":"{{{ChampionPrefix}}}"}}
            """;
        await using var result = await function.Handle(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
        using var document = await JsonDocument.ParseAsync(result);
        return document.RootElement.Clone();
    }

    /// <summary>The model quality statistics the handler wrote for the run (Model Monitor's shape).</summary>
    public async Task<JsonElement> ModelQualityAsync()
    {
        await using var stream = await Store.OpenReadAsync(Bucket, BucketLayout.ModelMetricsReport("churn", RunId));
        using var document = await JsonDocument.ParseAsync(stream);
        return document.RootElement.Clone();
    }
}
