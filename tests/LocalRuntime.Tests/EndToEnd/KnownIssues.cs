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
    public static string? UnaliasedReservedWord(ChurnStackFixture stack) =>
        File.ReadAllText(stack.TemplatePath).Contains(" metrics = :metrics", StringComparison.Ordinal)
            ? "src/StateMachine writes the DynamoDB reserved word 'metrics' unaliased in UpdateExpression (RecordRunSucceeded, PromoteCandidate); DynamoDB rejects it"
            : null;
}
