using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Assets;
using Constructs;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.StateMachine;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Features;

/// <summary>
/// The Glue feature job (WORKFLOW.md "Feature job"): the generic PySpark script and the pipeline's
/// <c>features.sql</c> go up as assets; the job runs on Glue 4.0 with job bookmarks and metrics, encrypted with the
/// stack key, and writes the Data Catalog table <c>&lt;pipeline&gt;_features</c> in the pipeline's database.
/// </summary>
public sealed class FeatureJob : Construct
{
    public string JobName { get; }
    public string DatabaseName { get; }
    public Asset Sql { get; }
    public Role Role { get; }

    /// <summary>The Glue feature job script, a CDK asset shared by every pipeline.</summary>
    public static string ScriptPath(string repositoryRoot) => Path.Combine(repositoryRoot, "infra", "Features", "feature_job.py");

    public FeatureJob(Construct scope, string id, PipelineSpec spec, string glueScript, IBucket bucket, IKey key) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var p = spec.Name;
        JobName = ResourceNames.FeatureJob(p);
        DatabaseName = "training_orchestration_" + p.Replace('-', '_');
        var featuresTable = p.Replace('-', '_') + "_features";

        if (!File.Exists(glueScript))
        {
            throw new FileNotFoundException($"The Glue feature job script is missing: {glueScript}.", glueScript);
        }

        var script = new Asset(this, "Script", new AssetProps { Path = glueScript });
        Sql = new Asset(this, "Sql", new AssetProps { Path = spec.Features.SqlFile });
        // The change merge's SQL (normalize per CDC kind, merge), one zip the script reads: the same files the local runtime embeds.
        var mergeSql = new Asset(this, "MergeSql", new AssetProps { Path = Path.Combine(Path.GetDirectoryName(glueScript)!, "cdc") });

        var database = new CfnDatabase(this, "Database", new CfnDatabaseProps
        {
            CatalogId = stack.Account,
            DatabaseInput = new CfnDatabase.DatabaseInputProperty
            {
                Name = DatabaseName,
                Description = $"Features of training pipeline {p}.",
            },
        });

        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("glue.amazonaws.com"),
            Description = $"Runs the {JobName} Glue job: reads {BucketLayout.Raw}, writes {BucketLayout.Curated} and {BucketLayout.Features}, updates its catalog table.",
        });
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadScriptAndSql",
            Actions = ["s3:GetObject"],
            Resources = [AssetArn(stack, script), AssetArn(stack, Sql), AssetArn(stack, mergeSql)],
        }));
        var table = spec.Source.Table;
        var raw = BucketLayout.RawTable(table) + "*";
        var curated = BucketLayout.CuratedTable(table) + "*";
        var features = BucketLayout.PipelineFeatures(p) + "*";
        var temporary = BucketLayout.PipelineGlueTemporary(p) + "*";
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadRawData",
            Actions = ["s3:GetObject"],
            Resources = [bucket.ArnForObjects(raw)],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteCuratedAndFeatures",
            Actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            Resources =
            [
                bucket.ArnForObjects(curated), bucket.ArnForObjects(features),
                bucket.ArnForObjects(temporary),
            ],
        }));
        Role.AddToPolicy(StackGrants.ListPrefixes(bucket, "ListPipelinePrefixes", raw, curated, features, temporary));
        Role.AddToPolicy(StackGrants.KeyUse(key));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "UpdateFeatureCatalog",
            Actions =
            [
                "glue:GetDatabase", "glue:GetTable", "glue:CreateTable", "glue:UpdateTable", "glue:GetPartition",
                "glue:GetPartitions", "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition",
            ],
            Resources =
            [
                stack.FormatArn(new ArnComponents { Service = "glue", Resource = "catalog" }),
                stack.FormatArn(new ArnComponents { Service = "glue", Resource = "database", ResourceName = DatabaseName }),
                stack.FormatArn(new ArnComponents { Service = "glue", Resource = "table", ResourceName = $"{DatabaseName}/{featuresTable}" }),
            ],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteJobLogs",
            Actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
            Resources = [stack.FormatArn(new ArnComponents
            {
                Service = "logs", Resource = "log-group", ResourceName = "/aws-glue/*", ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
            })],
        }));
        // PutMetricData has no resource-level permissions; the namespace condition keeps it to Glue's own metrics.
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PublishGlueMetrics",
            Actions = ["cloudwatch:PutMetricData"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = "Glue" },
            },
        }));

        var security = new CfnSecurityConfiguration(this, "Security", new CfnSecurityConfigurationProps
        {
            Name = ResourceNames.FeatureJob(p),
            EncryptionConfiguration = new CfnSecurityConfiguration.EncryptionConfigurationProperty
            {
                S3Encryptions = new object[] { new CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = "SSE-KMS", KmsKeyArn = key.KeyArn } },
                CloudWatchEncryption = new CfnSecurityConfiguration.CloudWatchEncryptionProperty { CloudWatchEncryptionMode = "SSE-KMS", KmsKeyArn = key.KeyArn },
                JobBookmarksEncryption = new CfnSecurityConfiguration.JobBookmarksEncryptionProperty { JobBookmarksEncryptionMode = "CSE-KMS", KmsKeyArn = key.KeyArn },
            },
        });

        var job = new CfnJob(this, "Job", new CfnJobProps
        {
            Name = JobName,
            Description = $"Builds the features of pipeline {p} with its feature SQL.",
            Role = Role.RoleArn,
            GlueVersion = "4.0",
            WorkerType = spec.Features.GlueWorkerType,
            NumberOfWorkers = spec.Features.GlueWorkers,
            Timeout = 60,
            MaxRetries = 0,
            ExecutionProperty = new CfnJob.ExecutionPropertyProperty { MaxConcurrentRuns = 1 },
            SecurityConfiguration = security.Name,
            Command = new CfnJob.JobCommandProperty
            {
                Name = "glueetl",
                PythonVersion = "3",
                ScriptLocation = script.S3ObjectUrl,
            },
            DefaultArguments = new Dictionary<string, object>
            {
                ["--job-language"] = "python",
                ["--job-bookmark-option"] = "job-bookmark-enable",
                ["--enable-metrics"] = "true",
                ["--enable-observability-metrics"] = "true",
                ["--enable-continuous-cloudwatch-log"] = "true",
                ["--TempDir"] = $"s3://{bucket.BucketName}/{BucketLayout.PipelineGlueTemporary(p)}",
                ["--database"] = DatabaseName,
                ["--catalog_table"] = featuresTable,
                ["--merge_sql_s3_uri"] = mergeSql.S3ObjectUrl,
            }.Concat(ChangeArguments(spec)).Concat(CsvArguments(spec)).ToDictionary(e => e.Key, e => e.Value),
        });
        job.AddDependency(database);
        job.AddDependency(security);
    }

    /// <summary>How the script reads and merges the table's change records (WORKFLOW.md "Feature job").</summary>
    private static Dictionary<string, object> ChangeArguments(PipelineSpec spec)
    {
        var arguments = new Dictionary<string, object>
        {
            ["--cdc_kind"] = SourceColumnsText.KindName(spec.Source.Cdc.Kind),
            ["--keep_snapshots"] = spec.Source.KeepSnapshots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["--output_parts"] = OutputParts(spec).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (spec.Source.Columns.Count > 0) arguments["--source_columns"] = SourceColumnsText.Format(spec.Source.Columns);
        if (spec.Source.TimestampColumn is not null) arguments["--timestamp_column"] = spec.Source.TimestampColumn;
        return arguments;
    }

    /// <summary>
    /// The contract's declared CSV dialect (<c>csv:</c>), so the script reads the raw CSV files and writes <c>table/</c>
    /// exactly as the local feature job and the validation Lambda do, never with Spark's defaults (escape '\').
    /// </summary>
    private static Dictionary<string, object> CsvArguments(PipelineSpec spec)
    {
        var csv = ContractLoader.Load(spec.ContractFile).Csv;
        return new Dictionary<string, object> { ["--csv_delimiter"] = csv.Delimiter.ToString(), ["--csv_quote"] = csv.Quote.ToString() };
    }

    /// <summary>
    /// How many part files the feature table and each channel are written as: one per executor core of the job's
    /// workers (vCPUs: G.025X 2, G.1X 4, G.2X 8, G.4X 16, G.8X 32; docs.aws.amazon.com/glue/latest/dg/add-job.html,
    /// worker type), so every core writes one range of keys in parallel instead of one task writing everything.
    /// </summary>
    public static int OutputParts(PipelineSpec spec) => spec.Features.GlueWorkers * spec.Features.GlueWorkerType switch
    {
        "G.025X" => 2,
        "G.2X" => 8,
        "G.4X" => 16,
        "G.8X" => 32,
        _ => 4,
    };

    /// <summary>The asset's own object, rather than CDK's GrantRead (s3:GetObject*, s3:List* on the whole assets bucket).</summary>
    private static string AssetArn(Stack stack, Asset asset) => $"arn:{stack.Partition}:s3:::{asset.S3BucketName}/{asset.S3ObjectKey}";
}
