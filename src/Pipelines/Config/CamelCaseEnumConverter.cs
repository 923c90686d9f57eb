using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingOrchestration.Pipelines.Config;

/// <summary>Enums as camelCase strings (<c>critical</c>, <c>dynamoDbStream</c>); a parameterless converter so the source generator can use it.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
