using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.LocalRuntime.DynamoDb;
using TrainingOrchestration.LocalRuntime.Events;
using TrainingOrchestration.LocalRuntime.Faults;
using TrainingOrchestration.LocalRuntime.Glue;
using TrainingOrchestration.LocalRuntime.Lambda;
using TrainingOrchestration.LocalRuntime.S3;
using TrainingOrchestration.LocalRuntime.Sns;
using TrainingOrchestration.LocalRuntime.StepFunctions;
using TrainingOrchestration.LocalRuntime.Templates;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime;

/// <summary>
/// One AWS account on one machine: deploys synthesized templates onto local stand-ins (S3 folders, dynalite, in-process
/// Lambda, DuckDB Glue, libxgboost SageMaker, an EventBridge bus, SNS) and runs their state machines on the in-process
/// ASL engine under a virtual clock. Dispose stops dynalite.
/// </summary>
public sealed partial class LocalCloud : IAsyncDisposable
{
    private LocalCloud(LocalCloudOptions options, VirtualClock clock, StepFunctionsEngine engine, DynaliteServer dynalite, AmazonDynamoDBClient dynamoDb,
        LocalBuckets buckets, LocalLambdaService lambda, SnsIntegration sns, LocalEventBus bus, ExecutionOptionsPolicy mocks)
    {
        Options = options;
        Clock = clock;
        Engine = engine;
        Dynalite = dynalite;
        DynamoDb = dynamoDb;
        Buckets = buckets;
        Lambda = lambda;
        Sns = sns;
        Bus = bus;
        Mocks = mocks;
    }

    public LocalCloudOptions Options { get; }
    public VirtualClock Clock { get; }
    public StepFunctionsEngine Engine { get; }
    public DynaliteServer Dynalite { get; }
    public IAmazonDynamoDB DynamoDb { get; }
    public LocalBuckets Buckets { get; }
    public LocalLambdaService Lambda { get; }
    public SnsIntegration Sns { get; }
    public LocalEventBus Bus { get; }

    /// <summary>The local Glue: the stack's jobs run the feature job on DuckDB.</summary>
    public LocalGlueService Glue { get; private set; } = null!;

    /// <summary>Errors injected into the integrations (throttling, limits), raised with the names AWS reports.</summary>
    public ServiceFaults Faults { get; } = new();

    /// <summary>The MockConfigFile test case applied to executions the runtime starts.</summary>
    public ExecutionOptionsPolicy Mocks { get; }

    public IReadOnlyList<LoadedStack> Stacks { get; private set; } = [];

    /// <summary>The local CloudWatch metrics (<c>&lt;workspace&gt;/cloudwatch/metrics.jsonl</c>).</summary>
    public LocalMetricStore Metrics { get; private init; } = null!;

    /// <summary>The template's scheduled rules, fired on request up to a virtual time.</summary>
    public ScheduledRules Schedules { get; private init; } = null!;

    /// <summary>State machine ARNs by name (<c>churn-training</c>...).</summary>
    public IReadOnlyDictionary<string, string> StateMachines => _stateMachines;

    private readonly Dictionary<string, string> _stateMachines = new(StringComparer.Ordinal);

    public static async Task<LocalCloud> StartAsync(LocalCloudOptions options, CancellationToken cancellationToken = default)
    {
        var workspace = Directory.CreateDirectory(options.Workspace).FullName;
        var stacks = options.TemplatePaths.Select(path => StackTemplateLoader.Load(path,
            new StackEnvironment(StackNameOf(path), options.Region, options.AccountId)
            {
                Parameters = Ingress.LocalSourceParameters.For(options.Region, options.AccountId),
            })).ToList();

        var dynalite = await DynaliteServer.StartAsync(options.InMemoryDynamoDb ? null : Path.Combine(workspace, "dynamodb"), cancellationToken: cancellationToken);
        var dynamoDb = LocalDynamoDbClient.Create(dynalite.Endpoint, options.Region);
        var clock = new VirtualClock(options.StartTime);
        var engine = new StepFunctionsEngine(clock) { Region = options.Region, AccountId = options.AccountId };
        var buckets = new LocalBuckets(Path.Combine(workspace, "s3"));
        Directory.CreateDirectory(buckets.Root);
        var metrics = LocalMetricStore.ForWorkspace(workspace);
        var lambda = new LocalLambdaService(new Dictionary<string, string>
        {
            [LambdaEnvironmentVariables.Region] = options.Region,
            [LambdaEnvironmentVariables.DefaultRegion] = options.Region,
        }, LocalTaskServices.HandlerFactory(buckets.Root, dynamoDb), clock, metrics);
        var mocks = new ExecutionOptionsPolicy();
        var sns = new SnsIntegration(clock, Path.Combine(workspace, "sns", SnsDeliveryLogFile));
        var targets = new LocalTargetDispatcher(engine, lambda, mocks);
        var bus = new LocalEventBus(clock, targets, options.Region, options.AccountId);

        var cloud = new LocalCloud(options, clock, engine, dynalite, dynamoDb, buckets, lambda, sns, bus, mocks)
        {
            Stacks = stacks,
            Metrics = metrics,
            Schedules = new ScheduledRules(bus, clock, targets, options.Region, options.AccountId),
        };
        try
        {
            await cloud.DeployAsync(cancellationToken);
        }
        catch
        {
            await cloud.DisposeAsync();
            throw;
        }
        return cloud;
    }

    /// <summary>
    /// Publishes Step Functions' execution metrics for executions not yet published (started ones once, finished ones
    /// once more with their outcome), as AWS/States would have by now. Call after the flow settles.
    /// </summary>
    public void PublishServiceMetrics()
    {
        foreach (var arn in _stateMachines.Values)
        {
            foreach (var execution in Engine.ListExecutions(arn))
            {
                var key = execution.ExecutionArn + "|" + execution.StatusName + "|" + execution.RedriveCount;
                if (!_publishedExecutions.Add(key)) continue;
                var data = ServiceMetrics.ForExecution(execution);
                // A finished execution whose start was already published adds only its outcome; a redrive is not a start.
                var started = execution.RedriveCount > 0 || _publishedExecutions.Contains(execution.ExecutionArn + "|RUNNING|" + execution.RedriveCount);
                Metrics.Add(started ? data.Skip(1) : data);
            }
        }
    }

    /// <summary>The template's alarms, evaluated against <see cref="Metrics"/> (state in <c>&lt;workspace&gt;/cloudwatch/alarms.json</c>).</summary>
    public LocalAlarms Alarms => _alarms ??= new LocalAlarms(
        Stacks.SelectMany(s => s.OfType("AWS::CloudWatch::Alarm")).Select(AlarmDefinition.FromResource).ToList(),
        Metrics, Path.Combine(Path.GetFullPath(Options.Workspace), "cloudwatch"), Sns, Options.Region, Options.AccountId);

    private LocalAlarms? _alarms;

    private readonly HashSet<string> _publishedExecutions = new(StringComparer.Ordinal);

    /// <summary>Where the local SNS appends one JSON line per delivery: <c>&lt;workspace&gt;/sns/deliveries.jsonl</c>.</summary>
    public const string SnsDeliveryLogFile = "deliveries.jsonl";

    /// <summary>
    /// The template's subscribers: <c>AWS::SNS::Subscription</c> (TopicArn, Protocol, Endpoint) and AWS Chatbot Slack
    /// channels, which subscribe to each topic in <c>SnsTopicArns</c>
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-chatbot-slackchannelconfiguration.html).
    /// </summary>
    private void SubscribeTopics(LoadedStack stack)
    {
        foreach (var subscription in stack.OfType("AWS::SNS::Subscription"))
        {
            Sns.Subscribe(subscription.GetString("TopicArn") ?? throw new TemplateException($"Resources.{subscription.LogicalId}.Properties.TopicArn", "a subscription needs its topic"),
                subscription.GetString("Protocol") ?? "", subscription.GetString("Endpoint") ?? "");
        }
        foreach (var channel in stack.OfType("AWS::Chatbot::SlackChannelConfiguration"))
        {
            foreach (var topic in (channel.Properties["SnsTopicArns"] as JsonArray ?? []).Select(t => t!.GetValue<string>()))
            {
                Sns.Subscribe(topic, SnsSubscription.ChatbotProtocol, $"slack:{channel.GetString("SlackWorkspaceId")}/{channel.GetString("SlackChannelId")}");
            }
        }
    }

    /// <summary>The stack name CDK gives the template file: <c>TrainingOrchestration-churn.template.json</c>.</summary>
    public static string StackNameOf(string templatePath) => Path.GetFileName(templatePath).Replace(".template.json", "", StringComparison.Ordinal);

    /// <summary>Puts one event on the bus (its envelope completed by the bus) and returns what it was delivered to.</summary>
    public Task<RecordedEvent> PutEventAsync(JsonNode evt) => Bus.PutEventAsync(evt);

    public string StateMachineArn(string name) => _stateMachines.TryGetValue(name, out var arn) ? arn
        : throw new KeyNotFoundException($"No state machine named {name}; deployed: {string.Join(", ", _stateMachines.Keys)}.");

    private async Task DeployAsync(CancellationToken cancellationToken)
    {
        var glueJobs = new Dictionary<string, GlueJobDefinition>(StringComparer.Ordinal);
        foreach (var stack in Stacks)
        {
            foreach (var bucket in stack.OfType("AWS::S3::Bucket")) Buckets.CreateBucket(bucket.Name);
            foreach (var table in stack.OfType("AWS::DynamoDB::Table")) await TableProvisioner.EnsureTableAsync(DynamoDb, table.Name, table.Properties, cancellationToken);
            foreach (var topic in stack.OfType("AWS::SNS::Topic")) Sns.AddTopic(topic.PhysicalId, topic.Name);
            SubscribeTopics(stack);
            foreach (var function in stack.OfType("AWS::Lambda::Function")) RegisterFunction(function);
            foreach (var job in stack.OfType("AWS::Glue::Job")) glueJobs[job.Name] = GlueJobDefinition.FromTemplate(job);
            AssetStager.Stage(stack, Buckets);
        }
        RegisterIntegrations(glueJobs);
        // Standard executions report their status changes on the default bus, as on AWS.
        Engine.ExecutionStatusChanged += execution => _ = Bus.PutEventAsync(ExecutionStatusChangeEvent.For(execution));
        foreach (var stack in Stacks)
        {
            foreach (var machine in stack.OfType("AWS::StepFunctions::StateMachine")) RegisterStateMachine(machine);
            foreach (var rule in stack.OfType("AWS::Events::Rule"))
            {
                var bus = rule.GetString("EventBusName");
                if (bus is null or "default") Bus.AddRule(EventRule.FromProperties(rule.Name, rule.Arn!, rule.Properties));
            }
        }
    }

    private void RegisterIntegrations(IReadOnlyDictionary<string, GlueJobDefinition> glueJobs)
    {
        var workspace = Path.GetFullPath(Options.Workspace);
        Engine.Dispatcher
            .Add(new LambdaIntegration(Lambda))
            .Add(new DynamoDbIntegration(DynamoDb))
            .Add(new S3Integration(Buckets))
            .Add(Sns)
            .Add(new EventsIntegration(Bus))
            .Add(new StartExecutionIntegration(Engine, Mocks));
        Glue = new LocalGlueService(new FeatureJobRunner(Buckets.Root, Path.Combine(workspace, "glue", "bookmarks"), Options.PipelinesRoot,
            spillDirectory: Path.Combine(workspace, "glue", "spill")), glueJobs, Metrics);
        Engine.Dispatcher.Add(new GlueServiceIntegration(Glue));
        AddModelServices();
        Engine.Dispatcher.Add(Faults); // asked first: a pending fault answers before the stand-in
        Faults.Next = resource => Engine.Dispatcher.FindAfter(Faults, resource);
    }

    /// <summary>Registers the SageMaker stand-ins (kept apart so the composition reads one service per line).</summary>
    partial void AddModelServices();

    private void RegisterFunction(StackResource function)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in function.Properties["Environment"]?["Variables"] as JsonObject ?? [])
        {
            variables[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
        }
        var handler = function.GetString("Handler") ?? throw new TemplateException($"Resources.{function.LogicalId}.Properties.Handler", "a function needs a Handler");
        Lambda.Register(new LambdaFunction(function.Name, function.Arn!, handler, variables, IntOf(function.Properties["Timeout"]) ?? 3)
        {
            MemorySizeMb = IntOf(function.Properties["MemorySize"]) ?? 128,
            LogFormat = function.Properties["LoggingConfig"]?["LogFormat"]?.GetValue<string>() ?? "Text",
        });
    }

    private void RegisterStateMachine(StackResource machine)
    {
        var type = machine.GetString("StateMachineType") == "EXPRESS" ? StateMachineType.Express : StateMachineType.Standard;
        _stateMachines[machine.Name] = Engine.CreateStateMachine(machine.Name, DefinitionOf(machine), type);
    }

    /// <summary>A state machine's ASL as deployed: its definition with <c>DefinitionSubstitutions</c> filled in.</summary>
    public static string DefinitionOf(StackResource machine)
    {
        var definition = machine.Properties["DefinitionString"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            null => machine.Properties["Definition"]?.ToJsonString(),
            var node => node.ToJsonString(),
        } ?? throw new TemplateException($"Resources.{machine.LogicalId}.Properties", "a state machine needs DefinitionString or Definition");
        foreach (var (key, value) in machine.Properties["DefinitionSubstitutions"] as JsonObject ?? [])
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            definition = definition.Replace("${" + key + "}", text, StringComparison.Ordinal);
        }
        return definition;
    }

    /// <summary>CloudFormation takes numbers as JSON numbers or as strings ("300"); both mean the same.</summary>
    internal static int? IntOf(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        await Dynalite.DisposeAsync();
    }
}
