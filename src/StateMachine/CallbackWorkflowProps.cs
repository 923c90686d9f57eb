using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;

namespace TrainingOrchestration.StateMachine;

/// <summary>The resources the callback workflow wires together; created by the stack and passed in.</summary>
public sealed record CallbackWorkflowProps
{
    public required string Pipeline { get; init; }
    /// <summary>The table holding the task tokens the training workflow stores.</summary>
    public required ITable Table { get; init; }
    /// <summary>The stack's customer managed key, for the encrypted table.</summary>
    public required IKey Key { get; init; }
    /// <summary>The training workflow whose waiting executions the callback resumes.</summary>
    public required IStateMachine Training { get; init; }
    public required ILogGroup LogGroup { get; init; }
}
