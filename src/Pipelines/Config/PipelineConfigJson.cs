using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Pipelines.Config;

/// <summary>
/// The <c>PIPELINE_CONFIG</c> Lambda environment variable: a <see cref="PipelineSpec"/> as compact JSON, written at
/// synthesis and read back by the task Lambdas, which have no pipeline folder.
/// <para>Shape: the spec's properties in camelCase (<c>name</c>, <c>tier</c>, <c>source</c>, <c>cadence</c>,
/// <c>features</c>, <c>contractFile</c>, <c>contractYaml</c>, <c>training</c>, <c>evaluation</c>,
/// <c>notifications</c>, <c>directory</c>, ...); enums as camelCase strings (<c>critical</c>, <c>dynamoDbStream</c>);
/// durations as .NET TimeSpan text (<c>06:00:00</c>, <c>7.00:00:00</c>); times of day as <c>22:00:00</c>; nulls omitted.
/// File paths are written relative to the pipeline folder (<c>features.sql</c>, <c>contract.yaml</c>) and
/// <c>directory</c> as <c>.</c>, because the build machine's absolute paths mean nothing in Lambda; the contract
/// travels as <c>contractYamlGzip</c>: the contract re-emitted without comments, gzipped, base64 (read back into
/// <see cref="PipelineSpec.ContractYaml"/> by <see cref="Deserialize"/>; a plain <c>contractYaml</c> is accepted too).</para>
/// <para>Lambda caps all environment variables of a function at 4 KB together, so the JSON is unindented and the
/// contract compressed; the bundled pipelines' configs stay under 3.7 KB (a test holds them to it).</para>
/// </summary>
public static class PipelineConfigJson
{
    public const string VariableName = LambdaEnvironmentVariables.PipelineConfig;

    private const string PackedContractProperty = "contractYamlGzip";
    private const string ContractProperty = "contractYaml";

    public static string Serialize(PipelineSpec spec)
    {
        var node = JsonSerializer.SerializeToNode(Portable(spec) with { ContractYaml = "" }, PipelineConfigJsonContext.Default.PipelineSpec)!.AsObject();
        node.Remove(ContractProperty);
        node[PackedContractProperty] = PackedText.PackYaml(spec.ContractYaml);
        return node.ToJsonString();
    }

    /// <summary>Reads the variable back; throws <see cref="JsonException"/> naming the JSON path when it is malformed.</summary>
    public static PipelineSpec Deserialize(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject node)
            throw new JsonException($"{VariableName} must be a JSON object (a pipeline spec).");
        if (node[PackedContractProperty] is JsonValue packed)
        {
            node.Remove(PackedContractProperty);
            node[ContractProperty] = Unpack(packed);
        }
        return node.Deserialize(PipelineConfigJsonContext.Default.PipelineSpec)
            ?? throw new JsonException($"{VariableName} is the JSON literal null; expected a pipeline spec object.");
    }

    private static string Unpack(JsonValue packed)
    {
        try
        {
            return PackedText.Unpack(packed.GetValue<string>());
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or InvalidOperationException)
        {
            throw new JsonException($"{VariableName}: {PackedContractProperty} is not base64 gzip text ({e.Message}).", "$." + PackedContractProperty, null, null, e);
        }
    }

    private static PipelineSpec Portable(PipelineSpec spec)
    {
        string Relative(string path) => Path.GetRelativePath(spec.Directory, path).Replace('\\', '/');
        return spec with
        {
            Directory = ".",
            Features = spec.Features with { SqlFile = Relative(spec.Features.SqlFile) },
            ContractFile = Relative(spec.ContractFile),
            SampleDataFile = spec.SampleDataFile is null ? null : Relative(spec.SampleDataFile),
            SampleEventFile = spec.SampleEventFile is null ? null : Relative(spec.SampleEventFile),
            // No Lambda deploys: the training workflow carries the deployment, and the variables share 4 KB.
            Deployment = null,
        };
    }
}
