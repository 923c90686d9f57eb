using System.Text.Json.Serialization;

namespace TrainingOrchestration.Contracts.Profiles;

/// <summary>Source-generated JSON for profiles and outcomes (no reflection in the Lambda).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TableProfile))]
[JsonSerializable(typeof(Validation.ValidationOutcome))]
public sealed partial class ProfileJsonContext : JsonSerializerContext;
