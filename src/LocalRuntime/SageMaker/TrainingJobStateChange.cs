using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Builds the EventBridge event SageMaker emits when a training job changes status ("SageMaker Training Job State
/// Change", source <c>aws.sagemaker</c>), in the shape of AWS's documented example.
/// </summary>
public static class TrainingJobStateChange
{
    public const string DetailType = DetailTypes.SageMakerTrainingJobStateChange;
    public const string Source = DetailTypes.SageMakerSource;

    public static JsonObject Build(TrainingJob job, SageMakerLocalOptions options, DateTimeOffset at) => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = DetailType,
        ["source"] = Source,
        ["account"] = options.Account,
        ["time"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["region"] = options.Region,
        ["resources"] = new JsonArray(job.Arn),
        ["detail"] = TrainingJobDescription.ToJson(job, TimestampStyle.EpochMillisecondsString),
    };
}
