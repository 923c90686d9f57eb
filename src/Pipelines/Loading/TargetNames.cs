using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Spec strings that become AWS names or event fields, checked at load time against the rules of the service that
/// will receive them, so a deploy or a run never fails on a name. Sources: CreateTrainingJob <c>TrainingJobName</c>
/// (pattern <c>^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}</c>, also used for the model and transform job names), CreateStateMachine
/// <c>name</c> (1-80), CreateJob (Glue) <c>Name</c> (1-255), CloudFormation stack names (<c>[a-zA-Z][-a-zA-Z0-9]*</c>,
/// at most 128), PutEventsRequestEntry <c>Source</c> (1-256, not <c>aws.</c>) and <c>DetailType</c> (1-128).
/// </summary>
internal static partial class TargetNames
{
    /// <summary>The longest suffix a training job name gets: <c>-&lt;run id, 20&gt;-r&lt;redrive count, up to 1000&gt;</c>.</summary>
    public const string LongestTrainingJobSuffix = "-20261123T1300-a1b2c3-r1000";

    /// <summary>The problem with pipeline <paramref name="name"/> as part of every resource name derived from it, or null.</summary>
    public static string? PipelineNameProblem(string name)
    {
        var job = name + LongestTrainingJobSuffix;
        if (job.Length > 63 || !TrainingJobName().IsMatch(job))
            return $"the SageMaker training job name '{job}' (pipeline-runId-rRedrive) would break SageMaker's rule: at most 63 letters, digits and hyphens, starting and ending with a letter or digit, so the pipeline name may have at most {63 - LongestTrainingJobSuffix.Length} characters and must start with a letter or digit.";
        foreach (var machine in new[] { ResourceNames.TrainingStateMachine(name), ResourceNames.TriggerStateMachine(name), ResourceNames.CallbackStateMachine(name) })
        {
            if (machine.Length > 80) return $"the state machine name '{machine}' is longer than Step Functions' 80 characters.";
        }
        var stack = ResourceNames.Stack(name);
        if (stack.Length > 128 || !StackName().IsMatch(stack)) return $"the stack name '{stack}' breaks CloudFormation's rule ([a-zA-Z][-a-zA-Z0-9]*, at most 128).";
        return null;
    }

    /// <summary>The problem with an EventBridge <c>source</c> value, or null.</summary>
    public static string? EventSourceProblem(string source)
    {
        if (source.Length > 256) return $"is {source.Length} characters long; EventBridge allows at most 256.";
        if (source.StartsWith("aws.", StringComparison.Ordinal)) return "starts with 'aws.', which EventBridge reserves for AWS services (PutEvents refuses it).";
        return EventSource().IsMatch(source) ? null : $"'{source}' has characters EventBridge does not allow in a source (letters, digits, . - _ / only).";
    }

    /// <summary>The problem with an EventBridge <c>detail-type</c> value, or null.</summary>
    public static string? DetailTypeProblem(string detailType) =>
        detailType.Length > 128 ? $"is {detailType.Length} characters long; EventBridge allows at most 128." : null;

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex TrainingJobName();

    [GeneratedRegex("^[a-zA-Z][-a-zA-Z0-9]*$")]
    private static partial Regex StackName();

    [GeneratedRegex(@"^[/.\-_A-Za-z0-9]+$")]
    private static partial Regex EventSource();
}
