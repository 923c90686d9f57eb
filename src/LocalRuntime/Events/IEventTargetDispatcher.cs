namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>Delivers a rule's rendered input to one target (a state machine, a function, a topic) by its ARN.</summary>
public interface IEventTargetDispatcher
{
    Task<EventDelivery> DeliverAsync(EventRule rule, RuleTarget target, string input);
}
