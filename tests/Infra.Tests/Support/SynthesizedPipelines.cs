using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests.Support;

/// <summary>
/// Synthesizes the fixture pipelines once for all tests (synthesis spawns Node through jsii and takes seconds):
/// <c>fraud</c> (critical, DynamoDB Streams CDC, spot), <c>leads</c> (exploratory, S3 files CDC, on demand) and
/// <c>ledger</c> (exploratory, Debezium on self-managed Kafka),
/// loaded through the real pipeline loader. The Lambda asset is a tiny directory so no publish runs.
/// </summary>
public sealed class SynthesizedPipelines : IDisposable
{
    public const string Critical = "fraud";
    public const string Exploratory = "leads";

    /// <summary>Exploratory, Debezium on self-managed Kafka (SASL/SCRAM-512 secret, VPC subnets and security groups).</summary>
    public const string Kafka = "ledger";

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("infra-tests-").FullName;

    public IReadOnlyDictionary<string, Template> Templates { get; }
    public IReadOnlyDictionary<string, JsonObject> Json { get; }

    public SynthesizedPipelines()
    {
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        var asset = Path.Combine(_workDirectory, "tasks");
        Directory.CreateDirectory(asset);
        File.WriteAllText(Path.Combine(asset, "TrainingOrchestration.Tasks.dll"), "placeholder for the published task Lambdas");

        var app = InfraApp.Build(new InfraAppOptions
        {
            PipelinesRoot = PipelinesRoot,
            OutDir = Path.Combine(_workDirectory, "cdk.out"),
            TasksAssetDirectory = asset,
            RepositoryRoot = RepositoryRoot.Find(AppContext.BaseDirectory),
        });
        var assembly = app.Synth();
        var texts = assembly.Stacks.ToDictionary(
            stack => stack.StackName.Replace("TrainingOrchestration-", ""),
            stack => File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile)));
        Templates = texts.ToDictionary(pair => pair.Key, pair => Template.FromString(pair.Value));
        Json = texts.ToDictionary(pair => pair.Key, pair => JsonNode.Parse(pair.Value)!.AsObject());
    }

    public static string PipelinesRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipelines");

    public static IEnumerable<object[]> Pipelines => [[Critical], [Exploratory], [Kafka]];

    public IEnumerable<(string LogicalId, JsonObject Resource)> Resources(string pipeline, string type) =>
        Json[pipeline]["Resources"]!.AsObject()
            .Where(pair => pair.Value!["Type"]!.GetValue<string>() == type)
            .Select(pair => (pair.Key, pair.Value!.AsObject()));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind does no harm
        }
    }
}
