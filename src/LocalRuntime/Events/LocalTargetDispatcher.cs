using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Lambda;
using TrainingOrchestration.LocalRuntime.StepFunctions;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>
/// Delivers rule targets to the local services by ARN: a state machine gets StartExecution (with the runtime's mock
/// policy), a function an asynchronous invoke; anything else is recorded as undeliverable.
/// </summary>
public sealed class LocalTargetDispatcher(StepFunctionsEngine engine, LocalLambdaService lambda, ExecutionOptionsPolicy policy) : IEventTargetDispatcher
{
    public async Task<EventDelivery> DeliverAsync(EventRule rule, RuleTarget target, string input)
    {
        if (target.Arn.Contains(":states:", StringComparison.Ordinal) && target.Arn.Contains(":stateMachine:", StringComparison.Ordinal))
        {
            try
            {
                var name = target.Arn[(target.Arn.LastIndexOf(':') + 1)..];
                var started = await engine.StartExecutionAsync(target.Arn, null, input, policy.For(name));
                return new EventDelivery(rule.Name, target.Arn, started.ExecutionArn);
            }
            catch (StepFunctionsApiException ex)
            {
                return new EventDelivery(rule.Name, target.Arn, null, $"{ex.ErrorCode}: {ex.Message}");
            }
        }
        if (lambda.Find(target.Arn) is { } function)
        {
            _ = Task.Run(() => lambda.InvokeAsync(function, System.Text.Json.Nodes.JsonNode.Parse(input)));
            return new EventDelivery(rule.Name, target.Arn, "invoked");
        }
        return new EventDelivery(rule.Name, target.Arn, null, "the local runtime has no such target");
    }
}
