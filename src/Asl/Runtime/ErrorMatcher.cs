namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// AWS's ErrorEquals matching. States.ALL matches every error but the terminal States.DataLimitExceeded; States.TaskFailed
/// matches every error but States.Timeout and States.DataLimitExceeded; States.Runtime is never retried or caught
/// (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html: "States.ALL ... can't catch the
/// States.DataLimitExceeded terminal error or Runtime error types").
/// </summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, string? error)
    {
        if (error is null || error == ErrorNames.Runtime) return false;
        foreach (var name in errorEquals)
        {
            if (name == error) return true;
            if (error == ErrorNames.DataLimitExceeded) continue;
            if (name == ErrorNames.All) return true;
            if (name == ErrorNames.TaskFailed && error != ErrorNames.Timeout) return true;
        }
        return false;
    }
}
