using System.Text.Json;
using TrainingOrchestration.Pipelines.Spec;

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
/// travels as text in <c>contractYaml</c>.</para>
/// <para>Lambda caps all environment variables of a function at 4 KB together, so the JSON is unindented.</para>
/// </summary>
public static class PipelineConfigJson
{
    public const string VariableName = "PIPELINE_CONFIG";

    public static string Serialize(PipelineSpec spec) =>
        JsonSerializer.Serialize(Portable(spec), PipelineConfigJsonContext.Default.PipelineSpec);

    /// <summary>Reads the variable back; throws <see cref="JsonException"/> naming the JSON path when it is malformed.</summary>
    public static PipelineSpec Deserialize(string json) =>
        JsonSerializer.Deserialize(json, PipelineConfigJsonContext.Default.PipelineSpec)
        ?? throw new JsonException($"{VariableName} is the JSON literal null; expected a pipeline spec object.");

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
        };
    }
}
