using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using TrainingOrchestration.Tasks.Adapters;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Composition;

/// <summary>
/// The one place that picks adapters: the local ones when the local runtime set <c>OBJECT_STORE_ROOT</c> /
/// <c>DYNAMODB_ENDPOINT</c>, AWS otherwise. Handlers' parameterless constructors call <see cref="FromEnvironment"/>;
/// nothing else in the tasks knows where it runs. AWS clients are created on first use, so a function that never
/// touches DynamoDB never needs a region.
/// </summary>
public sealed class TaskServices
{
    private readonly Lazy<IAmazonDynamoDB> _dynamoDb;
    private readonly Lazy<IObjectStore> _objectStore;
    private readonly Lazy<IModelRegistry> _modelRegistry;

    private TaskServices(TaskOptions options, TextWriter output)
    {
        Options = options;
        Output = output;
        _dynamoDb = new Lazy<IAmazonDynamoDB>(() => CreateDynamoDb(options));
        _objectStore = new Lazy<IObjectStore>(() => options.ObjectStoreRoot is { } root
            ? new FileObjectStore(root)
            : new S3ObjectStore(CreateS3(options)));
        _modelRegistry = new Lazy<IModelRegistry>(() => new DynamoDbModelRegistry(_dynamoDb.Value, options.TableName));
    }

    public TaskOptions Options { get; }

    /// <summary>Where JSON log lines and EMF metric lines go (stdout on Lambda).</summary>
    public TextWriter Output { get; }

    public IObjectStore ObjectStore => _objectStore.Value;
    public IModelRegistry ModelRegistry => _modelRegistry.Value;

    /// <summary>The raw client, for ports other handlers define over the same table.</summary>
    public IAmazonDynamoDB DynamoDb => _dynamoDb.Value;

    public TimeProvider Clock { get; } = TimeProvider.System;

    public JsonLineLogger CreateLogger(string category) => new(category, Output, Clock) { MinimumLevel = Options.LogLevel };

    public EmfMetrics CreateMetrics() => new(Options.MetricsNamespace, Output, Clock);

    /// <summary>Binds options from the current <see cref="LambdaEnvironment"/> and picks adapters.</summary>
    public static TaskServices FromEnvironment() => Create(TaskOptions.FromEnvironment(), AmbientOutput.Instance);

    public static TaskServices Create(TaskOptions options, TextWriter output) => new(options, output);

    private static IAmazonDynamoDB CreateDynamoDb(TaskOptions options)
    {
        var config = new AmazonDynamoDBConfig();
        if (options.DynamoDbEndpoint is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
            return new AmazonDynamoDBClient(LocalCredentials(), config);
        }
        if (options.Region is { } region) config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        return new AmazonDynamoDBClient(config);
    }

    private static IAmazonS3 CreateS3(TaskOptions options)
    {
        var config = new AmazonS3Config();
        if (options.Region is { } region) config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        return new AmazonS3Client(config);
    }

    /// <summary>dynalite accepts any signature; use the scoped variables when given so nothing reads the host's.</summary>
    private static BasicAWSCredentials LocalCredentials() => new(
        LambdaEnvironment.Get(LambdaEnvironmentVariables.AccessKeyId) ?? "local",
        LambdaEnvironment.Get(LambdaEnvironmentVariables.SecretAccessKey) ?? "local");
}
