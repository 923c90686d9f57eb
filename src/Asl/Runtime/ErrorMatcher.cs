namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// AWS's ErrorEquals matching. States.ALL matches every error; States.TaskFailed matches every error but
/// States.Timeout (as AWS documents it); States.Runtime is never retried or caught.
/// </summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, string? error)
    {
        if (error is null || error == ErrorNames.Runtime) return false;
        foreach (var name in errorEquals)
        {
            if (name == error) return true;
            if (name == ErrorNames.All) return true;
            if (name == ErrorNames.TaskFailed && error != ErrorNames.Timeout) return true;
        }
        return false;
    }
}
