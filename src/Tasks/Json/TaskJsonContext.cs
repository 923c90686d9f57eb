using System.Text.Json;
using System.Text.Json.Serialization;
using TrainingOrchestration.Tasks.Cadence;
using TrainingOrchestration.Tasks.Evaluation;
using TrainingOrchestration.Tasks.Events;

namespace TrainingOrchestration.Tasks.Json;

/// <summary>
/// Source-generated serialization for every payload the tasks read or write: no reflection at cold start, and a
/// payload type missing here fails the build instead of the first invocation.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CloudWatchEvent<SageMakerTrainingJobStateChange>))]
[JsonSerializable(typeof(CloudWatchEvent<GlueJobStateChange>))]
[JsonSerializable(typeof(CloudWatchEvent<S3ObjectCreated>))]
[JsonSerializable(typeof(CloudWatchEvent<ScheduledEventDetail>))]
[JsonSerializable(typeof(CloudWatchEvent<TableChange>))]
[JsonSerializable(typeof(CloudWatchEvent<JsonElement>))]
[JsonSerializable(typeof(DynamoDbStreamEvent))]
[JsonSerializable(typeof(TableChange))]
[JsonSerializable(typeof(EvaluateModelRequest))]
[JsonSerializable(typeof(EvaluateModelResponse))]
[JsonSerializable(typeof(ChampionSummary))]
[JsonSerializable(typeof(DecideCadenceRequest))]
[JsonSerializable(typeof(DecideCadenceResponse))]
[JsonSerializable(typeof(Dictionary<string, double>))]
public sealed partial class TaskJsonContext : JsonSerializerContext;
