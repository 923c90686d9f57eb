using System.Text.Json.Serialization;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>Source-generated JSON for the validation Lambda's payloads and the manifest it reads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ValidateFeaturesRequest))]
[JsonSerializable(typeof(ValidateFeaturesResponse))]
[JsonSerializable(typeof(ValidatePartRequest))]
[JsonSerializable(typeof(ValidatePartResponse))]
[JsonSerializable(typeof(FeatureManifest))]
[JsonSerializable(typeof(ValidationOutcome))]
public sealed partial class ValidationJsonContext : JsonSerializerContext;
