using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using TrainingOrchestration.Pipelines.Config;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.StateMachine;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Compute;

/// <summary>
/// The four C# task Lambdas (WORKFLOW.md "Names"), each with its own role holding only what it touches and its own
/// encrypted log group with retention. Handlers take and return a <c>Stream</c>, so no Lambda packages are needed.
/// </summary>
public sealed class TaskFunctions : Construct
{
    public const string Assembly = "TrainingOrchestration.Tasks";
    public const string ValidateFeaturesHandler = Assembly + "::TrainingOrchestration.Tasks.Validation.ValidateFeaturesFunction::Handle";
    public const string ValidatePartHandler = Assembly + "::TrainingOrchestration.Tasks.Validation.ValidatePartFunction::Handle";
    public const string EvaluateModelHandler = Assembly + "::TrainingOrchestration.Tasks.Evaluation.EvaluateModelFunction::Handle";
    public const string DecideCadenceHandler = Assembly + "::TrainingOrchestration.Tasks.Cadence.DecideCadenceFunction::Handle";
    public const string MetricsNamespace = MetricNames.Namespace;

    /// <summary>There is no <c>Runtime.DOTNET_10</c> constant in CDK 2.160.</summary>
    public static readonly Runtime Dotnet10 = new("dotnet10", RuntimeFamily.DOTNET_CORE);

    public Function ValidateFeatures { get; }
    public Function ValidatePart { get; }
    public Function EvaluateModel { get; }
    public Function DecideCadence { get; }

    public TaskFunctions(Construct scope, string id, PipelineSpec spec, string assetDirectory, IBucket bucket, ITable table, IKey key)
        : base(scope, id)
    {
        var code = Code.FromAsset(assetDirectory);
        var environment = new Dictionary<string, string>
        {
            [LambdaEnvironmentVariables.TableName] = table.TableName,
            [LambdaEnvironmentVariables.BucketName] = bucket.BucketName,
            [LambdaEnvironmentVariables.PipelineName] = spec.Name,
            [LambdaEnvironmentVariables.PipelineConfig] = PipelineConfigJson.Serialize(spec),
            [LambdaEnvironmentVariables.MetricsNamespace] = MetricsNamespace,
        };
        var p = spec.Name;
        LambdaEnvironment.EnsureWithinLimit(p, environment);
        var features = BucketLayout.PipelineFeatures(p) + "*";
        var reports = BucketLayout.PipelineReports(p) + "*";
        var rawModels = BucketLayout.PipelineRawModels(p) + "*";

        ValidateFeatures = Create("ValidateFeatures", ValidateFeaturesHandler, 1024, Duration.Minutes(10), code, environment, key,
        [
            Read(bucket.ArnForObjects(features)),
            List(bucket, features),
            Items(table, TableKeys.Pipeline(p), "dynamodb:GetItem"),
            Items(table, TableKeys.ValidationPartition(p), "dynamodb:PutItem"),
            KeyUse(key),
        ]);
        // One table part per invocation: the part's rows stream through the validator in constant memory; the
        // mergeable result (counts, sums, histograms, examples) is written beside the table.
        ValidatePart = Create("ValidatePart", ValidatePartHandler, 1024, Duration.Minutes(15), code, environment, key,
        [
            Read(bucket.ArnForObjects(features)),
            Write(bucket.ArnForObjects(features)),
            Items(table, TableKeys.Pipeline(p), "dynamodb:GetItem"),
            KeyUse(key),
        ]);
        EvaluateModel = Create("EvaluateModel", EvaluateModelHandler, 1024, Duration.Minutes(10), code, environment, key,
        [
            Read(bucket.ArnForObjects(reports), bucket.ArnForObjects(rawModels), bucket.ArnForObjects(features)),
            List(bucket, reports, rawModels, features),
            Write(bucket.ArnForObjects(reports)),
            Items(table, TableKeys.Pipeline(p), "dynamodb:GetItem"),
            Items(table, TableKeys.ModelPartition(p), "dynamodb:PutItem"),
            KeyUse(key),
        ]);
        // The cadence decision is computed from its input (the trigger workflow reads and writes the counter): no table access.
        DecideCadence = Create("DecideCadence", DecideCadenceHandler, 256, Duration.Seconds(30), code, environment, key,
        [
            KeyUse(key),
        ]);
    }

    private Function Create(string name, string handler, int memory, Duration timeout, Code code,
        Dictionary<string, string> environment, IKey key, PolicyStatement[] statements)
    {
        var logGroup = new LogGroup(this, name + "Logs", new LogGroupProps
        {
            Retention = RetentionDays.THREE_MONTHS,
            EncryptionKey = key,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        var role = new Role(this, name + "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Runs the {name} task Lambda; may write its own logs and touch only the data listed.",
        });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteOwnLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [logGroup.LogGroupArn],
        }));
        foreach (var statement in statements)
        {
            role.AddToPolicy(statement);
        }

        return new Function(this, name, new FunctionProps
        {
            Runtime = Dotnet10,
            Architecture = Architecture.ARM_64,
            Handler = handler,
            Code = code,
            MemorySize = memory,
            Timeout = timeout,
            Role = role,
            LogGroup = logGroup,
            LoggingFormat = LoggingFormat.JSON,
            Tracing = Tracing.ACTIVE,
            Environment = environment,
            EnvironmentEncryption = key,
            Description = $"TrainingOrchestration {name} task",
        });
    }

    private static PolicyStatement Read(params string[] objectArns) => new(new PolicyStatementProps
    {
        Actions = ["s3:GetObject"],
        Resources = objectArns,
    });

    private static PolicyStatement Write(params string[] objectArns) => new(new PolicyStatementProps
    {
        Actions = ["s3:PutObject"],
        Resources = objectArns,
    });

    private static PolicyStatement List(IBucket bucket, params string[] prefixes) => StackGrants.ListPrefixes(bucket, null, prefixes);

    /// <summary>
    /// <paramref name="actions"/> on the items of one partition only: <c>dynamodb:LeadingKeys</c>
    /// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html) is the partition
    /// key of every item a request touches. IAM has no condition on the sort key, so a Lambda writes only in a partition
    /// of its own (<see cref="TableKeys.ValidationPartition"/>, <see cref="TableKeys.ModelPartition"/>) and merely reads
    /// the pipeline's partition, where CHAMPION, LOCK, TRIGGER and the RUN items live. No handler updates or deletes.
    /// </summary>
    private static PolicyStatement Items(ITable table, string partition, params string[] actions) => new(new PolicyStatementProps
    {
        Actions = actions,
        Resources = [table.TableArn],
        Conditions = new Dictionary<string, object>
        {
            ["ForAllValues:StringEquals"] = new Dictionary<string, object> { ["dynamodb:LeadingKeys"] = new[] { partition } },
        },
    });

    private static PolicyStatement KeyUse(IKey key) => StackGrants.KeyUse(key, sid: null);
}
