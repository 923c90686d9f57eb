using System.Text.Json;
using System.Text.Json.Serialization;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Config;

/// <summary>Source-generated serializer for <see cref="PipelineConfigJson"/> (no reflection in the Lambdas).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<PipelineTier>), typeof(CamelCaseEnumConverter<CdcKind>)])]
[JsonSerializable(typeof(PipelineSpec))]
internal sealed partial class PipelineConfigJsonContext : JsonSerializerContext;
