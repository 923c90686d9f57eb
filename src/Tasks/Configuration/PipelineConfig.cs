using System.Text.Json;
using System.Text.Json.Serialization;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>
/// Reads <c>PIPELINE_CONFIG</c>, the pipeline spec serialized as JSON into the function's environment at synthesis,
/// so a Lambda never needs the pipeline folder.
/// </summary>
public static class PipelineConfig
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        AllowTrailingCommas = false,
    };

    public static PipelineSpec Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PipelineSpec>(json, Options)
                   ?? throw new PipelineConfigException("the JSON is null; expected the pipeline spec object");
        }
        catch (JsonException e)
        {
            throw new PipelineConfigException(
                $"not a pipeline spec at {e.Path ?? "$"} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
    }

    /// <summary>The inverse of <see cref="Parse"/>; used by tests and the local runtime to build an environment.</summary>
    public static string Serialize(PipelineSpec spec) => JsonSerializer.Serialize(spec, Options);
}
