using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>
/// The local stand-in for the account's default EventBridge bus. Local services publish the events
/// AWS services would emit (for example SageMaker's "SageMaker Training Job State Change") here, and
/// the bus matches them against the template's rules and delivers them to the rules' targets.
/// </summary>
/// <remarks>
/// Each entry is a complete EventBridge event envelope as a rule target receives it:
/// <c>{"version":"0","id","detail-type","source","account","time","region","resources":[],"detail":{}}</c>.
/// Missing envelope fields are filled by the bus (<c>version</c> "0", a new <c>id</c>, <c>time</c> from the
/// runtime's virtual clock, the runtime's <c>account</c> and <c>region</c>, empty <c>resources</c>);
/// <c>source</c>, <c>detail-type</c> and <c>detail</c> are required. Delivery to targets happens before the
/// returned task completes for synchronous targets; state machine targets are started, not awaited.
/// </remarks>
public interface ILocalEventBus
{
    /// <summary>Puts events on the bus, records them, and delivers each to the targets of every matching rule.</summary>
    Task PutEventsAsync(IEnumerable<JsonNode> entries);
}
