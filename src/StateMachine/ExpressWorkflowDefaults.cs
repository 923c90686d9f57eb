using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The Express state machines (trigger and callback) are configured alike: five-minute limit, X-Ray tracing, every
/// event logged with its data (Express keeps no history of its own, so the log group is the only record), and use of
/// the stack key for the encrypted table and topics.
/// </summary>
public static class ExpressWorkflowDefaults
{
    public static Amazon.CDK.AWS.StepFunctions.StateMachine CreateStateMachine(Construct scope, string name, IChainable start, ILogGroup logGroup, IKey key)
    {
        var stateMachine = new Amazon.CDK.AWS.StepFunctions.StateMachine(scope, "StateMachine", new StateMachineProps
        {
            StateMachineName = name,
            StateMachineType = StateMachineType.EXPRESS,
            DefinitionBody = DefinitionBody.FromChainable(start),
            Timeout = Duration.Minutes(5),
            TracingEnabled = true,
            Logs = new LogOptions { Destination = logGroup, Level = LogLevel.ALL, IncludeExecutionData = true },
        });
        stateMachine.AddToRolePolicy(StackGrants.KeyUse(key));
        return stateMachine;
    }
}
