using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;

namespace TrainingOrchestration.StateMachine;

/// <summary>The resources the run-status workflow wires together; created by the stack and passed in.</summary>
public sealed record RunStatusWorkflowProps
{
    public required string Pipeline { get; init; }
    /// <summary>The table with the run and lock items.</summary>
    public required ITable Table { get; init; }
    public required IKey Key { get; init; }
    /// <summary>The training state machine's name (its executions' history is read, a refused redrive stopped).</summary>
    public required string TrainingStateMachineName { get; init; }
    public required ITopic Notifications { get; init; }
    /// <summary>The paging topic of a critical pipeline; null for the other tiers.</summary>
    public ITopic? Paging { get; init; }
    public required ILogGroup LogGroup { get; init; }
    /// <summary>How long a failed run keeps the lock for a redrive (<c>cadence.redriveWindow</c>).</summary>
    public TimeSpan RedriveWindow { get; init; } = Pipelines.Spec.CadenceSpec.DefaultRedriveWindow;
}
