using Amazon;
using Amazon.DynamoDBv2;
using Amazon.S3;
using TrainingOrchestration.Tasks.Adapters;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Composition;

/// <summary>
/// The handlers' composition root. On Lambda, handlers' parameterless constructors call <see cref="FromEnvironment"/>,
/// which binds the options and uses S3 and DynamoDB; AWS clients are created on first use, so a function that never
/// touches DynamoDB never needs a region. Anything else that runs the handlers (the local runtime, tests) gives its
/// own ports to the public constructor; nothing in the tasks knows where it runs.
/// </summary>
public sealed class TaskServices
{
    private readonly Lazy<IAmazonDynamoDB> _dynamoDb;
    private readonly Lazy<IObjectStore> _objectStore;
    private readonly Lazy<IModelRegistry> _modelRegistry;

    /// <summary>
    /// Handlers built on the given ports; the model registry is the DynamoDB one over <paramref name="dynamoDb"/>.
    /// Metric lines go to <paramref name="metricsOutput"/> (<paramref name="output"/> when null); time is <paramref name="clock"/>
    /// (the system clock when null).
    /// </summary>
    public TaskServices(TaskOptions options, TextWriter output, IObjectStore objectStore, IAmazonDynamoDB dynamoDb,
        TextWriter? metricsOutput = null, TimeProvider? clock = null)
        : this(options, output, metricsOutput ?? output, clock ?? TimeProvider.System, () => objectStore, () => dynamoDb)
    {
    }

    private TaskServices(TaskOptions options, TextWriter output, TextWriter metricsOutput, TimeProvider clock,
        Func<IObjectStore> objectStore, Func<IAmazonDynamoDB> dynamoDb)
    {
        Options = options;
        Output = output;
        MetricsOutput = metricsOutput;
        Clock = clock;
        _dynamoDb = new Lazy<IAmazonDynamoDB>(dynamoDb);
        _objectStore = new Lazy<IObjectStore>(objectStore);
        _modelRegistry = new Lazy<IModelRegistry>(() => new DynamoDbModelRegistry(_dynamoDb.Value, options.TableName));
    }

    public TaskOptions Options { get; }

    /// <summary>Where JSON log lines go (the console, which the Lambda runtime formats for the log format).</summary>
    public TextWriter Output { get; }

    /// <summary>Where EMF metric lines go (raw standard output on Lambda, so the JSON log format does not wrap them).</summary>
    public TextWriter MetricsOutput { get; }

    public IObjectStore ObjectStore => _objectStore.Value;
    public IModelRegistry ModelRegistry => _modelRegistry.Value;

    /// <summary>The raw client, for ports other handlers define over the same table.</summary>
    public IAmazonDynamoDB DynamoDb => _dynamoDb.Value;

    public TimeProvider Clock { get; }

    public JsonLineLogger CreateLogger(string category) => new(category, Output, Clock) { MinimumLevel = Options.LogLevel };

    public EmfMetrics CreateMetrics() => new(Options.MetricsNamespace, MetricsOutput, Clock);

    /// <summary>Binds options from the current <see cref="LambdaEnvironment"/> and uses S3 and DynamoDB.</summary>
    public static TaskServices FromEnvironment() =>
        ForAws(TaskOptions.FromEnvironment(), AmbientOutput.Instance, AmbientOutput.Metrics, AmbientClock.Instance);

    /// <summary>S3 and DynamoDB in the options' region (the SDK's default chain when none is set).</summary>
    public static TaskServices ForAws(TaskOptions options, TextWriter output, TextWriter? metricsOutput = null, TimeProvider? clock = null) =>
        new(options, output, metricsOutput ?? output, clock ?? TimeProvider.System, () => new S3ObjectStore(CreateS3(options)), () => CreateDynamoDb(options));

    private static IAmazonDynamoDB CreateDynamoDb(TaskOptions options)
    {
        var config = new AmazonDynamoDBConfig();
        if (options.Region is { } region) config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        return new AmazonDynamoDBClient(config);
    }

    private static IAmazonS3 CreateS3(TaskOptions options)
    {
        var config = new AmazonS3Config();
        if (options.Region is { } region) config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        return new AmazonS3Client(config);
    }
}
