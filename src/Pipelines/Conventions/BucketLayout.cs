namespace TrainingOrchestration.Pipelines.Conventions;

/// <summary>
/// Where everything lives in the pipeline's bucket (WORKFLOW.md "Bucket layout"): CDC files under <c>raw/</c>, the
/// Glue job's output under <c>curated/</c> and <c>features/</c>, SageMaker's artifacts under <c>models/raw/</c>,
/// promoted copies under <c>models/approved/</c>, batch-transform predictions under <c>reports/</c>. The workflows,
/// the IAM policies, the Lambdas and the local runtime build their paths here so they cannot drift apart.
/// Builders that take a run id or job name accept a placeholder (<c>{}</c>) for <c>States.Format</c> templates.
/// </summary>
public static class BucketLayout
{
    public const string Raw = "raw/";
    public const string Curated = "curated/";
    public const string Features = "features/";
    public const string RawModels = "models/raw/";
    public const string ApprovedModels = "models/approved/";
    public const string Checkpoints = "models/checkpoints/";
    public const string Reports = "reports/";
    public const string GlueTemporary = "temporary/glue/";
    public const string IngressErrors = "ingress-errors/";

    /// <summary>The file name SageMaker gives a training job's model archive.</summary>
    public const string ModelArchive = "model.tar.gz";

    public static string RawTable(string table) => $"{Raw}{table}/";

    public static string CuratedTable(string table) => $"{Curated}{table}/";

    /// <summary><c>raw/&lt;table&gt;/changes/</c>: where the ingress (Firehose) lands change records, partitioned by ingest hour.</summary>
    public static string RawChanges(string table) => $"{RawTable(table)}changes/";

    /// <summary>
    /// <c>ingress-errors/&lt;table&gt;/</c>: Firehose's <c>ErrorOutputPrefix</c> for records it could not deliver, outside
    /// <c>raw/</c> so the merge never reads them (docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html).
    /// </summary>
    public static string IngressErrorsTable(string table) => $"{IngressErrors}{table}/";

    /// <summary><c>curated/&lt;table&gt;/run=&lt;runId&gt;/</c>: the table's merged state as of one run (Parquet).</summary>
    public static string CuratedSnapshot(string table, string runId) => $"{CuratedTable(table)}run={runId}/";

    public static string PipelineFeatures(string pipeline) => $"{Features}{pipeline}/";

    /// <summary><c>features/&lt;pipeline&gt;/run=&lt;runId&gt;/</c>: the Glue job's output for one run.</summary>
    public static string RunFeatures(string pipeline, string runId) => $"{PipelineFeatures(pipeline)}run={runId}/";

    /// <summary>One split (<c>train</c>, <c>validation</c>, <c>test</c>) or the <c>table</c> of a run's features.</summary>
    /// <summary>
    /// Where the Distributed Map's part validations leave their mergeable results, one JSON per table part; not under
    /// <c>validation/</c>, which is the validation split's training channel.
    /// </summary>
    public static string ValidationParts(string pipeline, string runId) => $"{RunFeatures(pipeline, runId)}contract-parts/";

    public static string FeatureSplit(string pipeline, string runId, string split) => $"{RunFeatures(pipeline, runId)}{split}/";

    public static string PipelineRawModels(string pipeline) => $"{RawModels}{pipeline}/";

    /// <summary>Where SageMaker writes a training job's archive (<c>S3OutputPath</c>/<c>&lt;job&gt;/output/</c>).</summary>
    public static string TrainingArtifact(string pipeline, string trainingJobName) =>
        $"{PipelineRawModels(pipeline)}{trainingJobName}/output/{ModelArchive}";

    public static string PipelineApprovedModels(string pipeline) => $"{ApprovedModels}{pipeline}/";

    public static string ApprovedModel(string pipeline, string runId) => $"{PipelineApprovedModels(pipeline)}{runId}/{ModelArchive}";

    public static string PipelineCheckpoints(string pipeline) => $"{Checkpoints}{pipeline}/";

    public static string PipelineReports(string pipeline) => $"{Reports}{pipeline}/";

    /// <summary><c>reports/&lt;pipeline&gt;/run=&lt;runId&gt;/predictions/</c>: the batch transform's output.</summary>
    public static string Predictions(string pipeline, string runId) => $"{PipelineReports(pipeline)}run={runId}/predictions/";

    /// <summary><c>reports/&lt;pipeline&gt;/run=&lt;runId&gt;/champion-predictions/</c>: the champion's batch transform of the same test split.</summary>
    public static string ChampionPredictions(string pipeline, string runId) => $"{PipelineReports(pipeline)}run={runId}/champion-predictions/";

    /// <summary><c>reports/&lt;pipeline&gt;/run=&lt;runId&gt;/model-metrics.json</c>: the candidate's ModelQuality statistics for its model package.</summary>
    public static string ModelMetricsReport(string pipeline, string runId) => $"{PipelineReports(pipeline)}run={runId}/model-metrics.json";

    public static string PipelineGlueTemporary(string pipeline) => $"{GlueTemporary}{pipeline}/";
}
