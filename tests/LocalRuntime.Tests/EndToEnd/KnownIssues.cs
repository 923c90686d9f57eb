namespace TrainingOrchestration.LocalRuntime.Tests.EndToEnd;

/// <summary>
/// Defects in other areas that the local runtime finds by running the real template against a real DynamoDB server.
/// Tests whose outcome depends on one skip, naming it, until the template no longer has it.
/// </summary>
internal static class KnownIssues
{
    /// <summary>
    /// RecordRunSucceeded and PromoteCandidate write <c>metrics = :metrics</c>; METRICS is a DynamoDB reserved word, so
    /// DynamoDB (and dynalite) reject the update with a ValidationException and every otherwise successful run fails.
    /// </summary>
    public static string? UnaliasedReservedWord(ChurnStackFixture stack)
    {
        var template = File.ReadAllText(stack.TemplatePath);
        if (template.Contains(" metrics = :metrics", StringComparison.Ordinal))
        {
            return "src/StateMachine writes the DynamoDB reserved word 'metrics' unaliased in UpdateExpression (RecordRunSucceeded, PromoteCandidate); DynamoDB rejects it";
        }
        // CopyApprovedModel's ResultSelector reads $.runId, but a ResultSelector sees only the task's result (CopyObjectResult).
        if (template.Contains("\\\"ResultSelector\\\":{\\\"bucket\\\"", StringComparison.Ordinal) && template.Contains("model.tar.gz', $.runId)\\\"},\\\"Resource", StringComparison.Ordinal))
        {
            return "src/StateMachine: CopyApprovedModel's ResultSelector reads $.runId, which is not in the copyObject result, so every promotion fails with States.Runtime";
        }
        return null;
    }
}
