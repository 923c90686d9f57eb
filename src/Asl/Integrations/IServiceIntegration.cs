using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>
/// A stand-in for one AWS service behind Task states. The engine picks the first integration whose
/// <see cref="CanHandle"/> accepts the state's Resource. To fail the task, throw
/// <see cref="TaskFailedException"/> with the error name AWS reports (for example
/// <c>DynamoDB.ConditionalCheckFailedException</c>); any other exception becomes <c>States.TaskFailed</c>.
/// </summary>
public interface IServiceIntegration
{
    bool CanHandle(string resource);

    /// <summary>
    /// Request-response: returns the service's response. <c>.sync</c>: returns when the job has finished.
    /// <c>.waitForTaskToken</c>: starts the work (the return value is ignored); the task completes when someone
    /// calls SendTaskSuccess/SendTaskFailure with <see cref="TaskRequest.TaskToken"/>.
    /// </summary>
    Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken);
}
