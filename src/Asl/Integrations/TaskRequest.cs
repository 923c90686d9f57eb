using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>One invocation of a Task state, as handed to an <see cref="IServiceIntegration"/>.</summary>
/// <param name="Resource">The full Resource ARN as written in the definition.</param>
/// <param name="Service">
/// The service: <c>lambda</c>, <c>glue</c>, <c>sagemaker</c>, <c>states</c>; for SDK integrations the SDK service
/// (<c>dynamodb</c>) with <see cref="IsAwsSdk"/> set; <c>lambda</c> for bare function ARNs; <c>activity</c> for activities.
/// </param>
/// <param name="Action">The action without the pattern suffix (<c>invoke</c>, <c>startJobRun</c>, <c>putItem</c>).</param>
/// <param name="Parameters">The effective input after InputPath and Parameters.</param>
/// <param name="TaskToken">Set for <c>.waitForTaskToken</c> (also reachable in Parameters through <c>$$.Task.Token</c>).</param>
public sealed record TaskRequest(
    string Resource,
    string Service,
    string Action,
    IntegrationPattern Pattern,
    bool IsAwsSdk,
    JsonNode? Parameters,
    string? TaskToken,
    TaskContext Context)
{
    /// <summary>The same as <see cref="Pattern"/>, under the name the brief uses.</summary>
    public IntegrationPattern IntegrationPattern => Pattern;
}
