using Amazon.CDK.AWS.StepFunctions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// A step after the champion write (or after the rejection is settled) whose failure must not undo the decision
/// (issue 14 item 5): its error is kept at <c>$.outcome.sideEffects.&lt;state&gt;</c> and the run goes on, so the run is
/// still recorded PROMOTED (or REJECTED) with <c>sideEffects</c> naming what failed. Its retries come first.
/// </summary>
internal static class SideEffect
{
    public const string OutcomePath = "$.outcome";

    /// <summary>The static <c>$.outcome</c> the decision starts with: <c>{decision, sideEffects: {}}</c> plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, object> Outcome(string decision, Dictionary<string, object>? extra = null)
    {
        var outcome = new Dictionary<string, object> { ["decision"] = decision, ["sideEffects"] = new Dictionary<string, object>() };
        foreach (var (key, value) in extra ?? []) outcome[key] = value;
        return outcome;
    }

    public static T Tolerated<T>(T task, IChainable next) where T : TaskStateBase
    {
        task.AddCatch(next, Catch(task.Id));
        return task;
    }

    /// <summary>The same for a Task written out as a <see cref="CustomState"/> (an optimized integration CDK grants too widely).</summary>
    public static CustomState Tolerated(CustomState task, IChainable next)
    {
        task.AddCatch(next, Catch(task.Id));
        return task;
    }

    private static CatchProps Catch(string state) => new() { Errors = ["States.ALL"], ResultPath = $"{OutcomePath}.sideEffects.{state}" };
}
