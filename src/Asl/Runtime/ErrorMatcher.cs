namespace TrainingOrchestration.Asl.Runtime;

/// <summary>AWS's ErrorEquals matching: States.ALL and States.TaskFailed are wildcards with exceptions.</summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, string? error)
    {
        if (error is null || error == ErrorNames.Runtime) return false;
        foreach (var name in errorEquals)
        {
            if (name == error) return true;
            if (name == ErrorNames.All) return true;
            if (name == ErrorNames.TaskFailed && error != ErrorNames.Timeout && !error.StartsWith("States.", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
