using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>The JSON form of a <see cref="PartialValidation"/> (source-generated, no reflection in the Lambda).</summary>
public static class PartialValidationSerializer
{
    public static string Serialize(PartialValidation partial) => JsonSerializer.Serialize(partial, PartialValidationJsonContext.Default.PartialValidation);

    public static PartialValidation Deserialize(string json) =>
        JsonSerializer.Deserialize(json, PartialValidationJsonContext.Default.PartialValidation) ?? throw new JsonException("partial validation JSON is null");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(PartialValidation))]
internal sealed partial class PartialValidationJsonContext : JsonSerializerContext;
