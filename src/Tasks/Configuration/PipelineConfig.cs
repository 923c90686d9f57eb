using System.Text.Json;
using TrainingOrchestration.Pipelines.Config;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>
/// Reads <c>PIPELINE_CONFIG</c>, the pipeline spec serialized at synthesis by <see cref="PipelineConfigJson"/>,
/// so a Lambda never needs the pipeline folder. Malformed JSON becomes a <see cref="PipelineConfigException"/>
/// naming the JSON path.
/// </summary>
public static class PipelineConfig
{
    public static PipelineSpec Parse(string json)
    {
        try
        {
            return PipelineConfigJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new PipelineConfigException(
                $"not a pipeline spec at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): {e.Message}");
        }
    }

    /// <summary>The inverse of <see cref="Parse"/>, for tests and the local runtime building an environment.</summary>
    public static string Serialize(PipelineSpec spec) => PipelineConfigJson.Serialize(spec);
}
