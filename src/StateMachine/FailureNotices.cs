using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The notices both failure paths send (the training workflow's business failures and the run-status workflow's
/// recorded failures): <c>NotifyFailure</c> on the notifications topic, <c>PageOnCall</c> on the paging topic of a
/// critical pipeline, then the caller's <c>PublishRunFailed</c>. Each notice catches everything and moves on, so one
/// broken topic cannot hide the event or keep what follows from running.
/// </summary>
internal static class FailureNotices
{
    /// <summary>Builds notify → page → <paramref name="publish"/> (already wired to its next state) and returns the first.</summary>
    public static IChainable Before(TaskStateBase publish, Construct scope, string pipeline, ITopic notifications, ITopic? paging, TaskInput message)
    {
        IChainable afterNotify = publish;
        if (paging is not null)
        {
            var page = Notify(scope, "PageOnCall", paging, pipeline, message);
            ContinueOnError(page, publish);
            page.Next(publish);
            afterNotify = page;
        }

        var notify = Notify(scope, "NotifyFailure", notifications, pipeline, message);
        ContinueOnError(notify, afterNotify);
        notify.Next(afterNotify);
        return notify;
    }

    /// <summary>A failure while handling a failure moves on to <paramref name="next"/>, keeping the state as it was.</summary>
    public static void ContinueOnError(TaskStateBase task, IChainable next) =>
        task.AddCatch(next, new CatchProps { Errors = [Errors.ALL], ResultPath = "$.failureHandling" });

    private static SnsPublish Notify(Construct scope, string id, ITopic topic, string pipeline, TaskInput message) =>
        ServiceRetries.Apply(new SnsPublish(scope, id, new SnsPublishProps
        {
            Topic = topic,
            Subject = $"TrainingOrchestration {pipeline}: training run failed",
            Message = message,
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.Sns);
}
