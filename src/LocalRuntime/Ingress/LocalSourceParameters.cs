using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Ingress;

/// <summary>
/// The values the local runtime deploys a stack with for the source parameters (<see cref="StackParameters"/>): offline
/// no Pipe reads a stream or topic (<c>run --changes</c> replays a change file through <see cref="ChangeReplay"/>), so
/// they name that replay, in the shapes the parameters' AllowedPattern accepts, in the local account and Region.
/// </summary>
public static class LocalSourceParameters
{
    public const string ReplayName = "local-replay";

    public static IReadOnlyDictionary<string, string> For(string region, string accountId) => new Dictionary<string, string>
    {
        [StackParameters.SourceStreamArn] = $"arn:aws:dynamodb:{region}:{accountId}:table/{ReplayName}/stream/{ReplayName}",
        [StackParameters.KafkaClusterArn] = $"arn:aws:kafka:{region}:{accountId}:cluster/{ReplayName}/{ReplayName}",
        [StackParameters.KafkaTopic] = ReplayName,
    };
}
