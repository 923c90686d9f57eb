using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.StateMachine.RunStatus;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The run-status workflow (Express, WORKFLOW.md "Run-status workflow"), started by the training state machine's
/// "Step Functions Execution Status Change" events. A training execution that FAILED, TIMED_OUT or was ABORTED gets
/// its run recorded as failed with the state it failed in (read from its history), the error and the cause; the
/// pipeline lock stays with it for the pipeline's <c>cadence.redriveWindow</c> (24 h by default) so that a redrive can resume; the team is notified
/// (paged for a critical pipeline) and <c>Training Run Failed</c> is published. A redriven execution (RUNNING with
/// a redrive count) takes the lock back and its run moves from FAILED to RUNNING — or, when another run took the lock
/// over after the window, the redrive is stopped, so a redrive never runs beside another run of the pipeline.
/// Because these side effects hang off the status change and not off a Catch, they also happen for time-outs and
/// aborts, and the training workflow can let a failed Task fail the execution where a redrive resumes.
/// </summary>
public sealed class RunStatusWorkflow : Construct
{
    public Amazon.CDK.AWS.StepFunctions.StateMachine StateMachine { get; }

    public static string StateMachineName(string pipeline) => ResourceNames.RunStatusStateMachine(pipeline);

    /// <summary>The statuses the stack's rule sends here (RUNNING only matters for a redrive; the first Choice drops the rest).</summary>
    public static readonly string[] Statuses = ["FAILED", "TIMED_OUT", "ABORTED", "RUNNING"];

    public RunStatusWorkflow(Construct scope, string id, RunStatusWorkflowProps props) : base(scope, id)
    {
        var pipeline = props.Pipeline;
        var executions = Stack.Of(this).FormatArn(new ArnComponents
        {
            Service = "states",
            Resource = "execution",
            ResourceName = $"{props.TrainingStateMachineName}:*",
            ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
        });

        var failed = new FailedRunSteps(this, pipeline, props.Table, props.Notifications, props.Paging);
        var redriven = new RedrivenRunSteps(this, pipeline, props.Table, executions);
        var findRun = RunHistory.FindRun(this);
        var findFailedState = RunHistory.FindFailedState(this, props.RedriveWindow);
        findFailedState.Next(failed.States);

        findRun.Next(new Choice(this, "Redriven?")
            .When(Condition.StringEquals("$.detail.status", "RUNNING"), redriven.States)
            .Otherwise(findFailedState));

        var start = new Choice(this, "RunEndedOrRedriven?")
            .When(Condition.Or(
                Condition.StringEquals("$.detail.status", "FAILED"),
                Condition.StringEquals("$.detail.status", "TIMED_OUT"),
                Condition.StringEquals("$.detail.status", "ABORTED")), findRun)
            .When(Condition.And(
                Condition.StringEquals("$.detail.status", "RUNNING"),
                Condition.NumberGreaterThan("$.detail.redriveCount", 0)), findRun)
            .Otherwise(new Succeed(this, "NothingToRecord"));

        StateMachine = ExpressWorkflowDefaults.CreateStateMachine(this, StateMachineName(pipeline), start, props.LogGroup, props.Key);
        StateMachine.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadTrainingHistory",
            Actions = ["states:GetExecutionHistory"],
            Resources = [executions],
        }));
        StateMachine.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "RecordRunAndLock",
            Actions = ["dynamodb:UpdateItem"],
            Resources = [props.Table.TableArn],
        }));
    }
}
