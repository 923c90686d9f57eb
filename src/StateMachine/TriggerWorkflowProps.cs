using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;

namespace TrainingOrchestration.StateMachine;

/// <summary>The resources the trigger workflow wires together; created by the stack and passed in.</summary>
public sealed record TriggerWorkflowProps
{
    public required string Pipeline { get; init; }
    public required ITable Table { get; init; }
    /// <summary>The stack's customer managed key, for the encrypted table.</summary>
    public required IKey Key { get; init; }
    /// <summary>Function <c>DecideCadence</c>, called by the state of the same name.</summary>
    public required IFunction DecideCadenceFunction { get; init; }
    /// <summary>The training workflow the trigger starts.</summary>
    public required IStateMachine Training { get; init; }
    public required ILogGroup LogGroup { get; init; }
}
