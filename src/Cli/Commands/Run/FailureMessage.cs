using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Cli.Commands.Run;

/// <summary>
/// A failed run said the way its operator needs it: the failing service's own message, taken out of the task failure's
/// cause (Glue's JobRun <c>ErrorMessage</c>, SageMaker's <c>FailureReason</c>, a Lambda's <c>errorMessage</c>), and the
/// runbook to open for the step that failed, instead of the raw JobRun or job description JSON.
/// </summary>
internal static class FailureMessage
{
    private static readonly (string Step, string Service, string Runbook)[] Steps =
    [
        ("BuildFeatures", "Glue", "runbooks/triage-glue.md"),
        ("ValidateFeatures", "Lambda", "runbooks/triage-validation.md"),
        ("StartTrainingJob", "SageMaker", "runbooks/triage-training.md"),
        ("WaitForTrainingJob", "SageMaker", "runbooks/triage-training.md"),
        ("ScoreTestSplit", "SageMaker", "runbooks/triage-evaluation.md"),
        ("EvaluateCandidate", "Lambda", "runbooks/triage-evaluation.md"),
    ];

    /// <summary>The service and its message, and the runbook; null when the run did not fail at a known step.</summary>
    public static (string Message, string Runbook)? Explain(string? failedState, string? error, string? cause)
    {
        var step = Steps.FirstOrDefault(s => s.Step == failedState);
        if (step.Step is null && error is not null)
        {
            step = Steps.FirstOrDefault(s => error.StartsWith(s.Service + ".", StringComparison.Ordinal));
        }
        if (step.Step is null) return null;
        var message = ServiceMessage(cause) ?? cause ?? error ?? "no message";
        return ($"{step.Service} ({step.Step}) failed: {message}", step.Runbook);
    }

    /// <summary>The service's own message inside a JSON cause; null when the cause is plain text or names none.</summary>
    public static string? ServiceMessage(string? cause)
    {
        if (cause is null || !cause.TrimStart().StartsWith('{')) return null;
        try
        {
            var json = JsonNode.Parse(cause) as JsonObject;
            foreach (var field in new[] { "ErrorMessage", "FailureReason", "errorMessage", "Cause", "message" })
            {
                if (json?[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0) return text;
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
