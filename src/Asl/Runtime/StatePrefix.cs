namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// How a runtime error names the state it happened in ("An error occurred while executing the state 'X' (entered at the
/// event id #N). "), made only when an error is raised. Holds the <see cref="StateRun"/> itself, so passing it to the
/// evaluators allocates nothing (a <c>Func&lt;string&gt;</c> bound to the run was a delegate per state visit).
/// </summary>
internal readonly struct StatePrefix
{
    private readonly object? _source;

    public StatePrefix(StateRun run) => _source = run;

    /// <summary>Any other text source (tests, callers outside a state).</summary>
    public StatePrefix(Func<string> text) => _source = text;

    public string Text() => _source switch
    {
        StateRun run => run.ErrorPrefix(),
        Func<string> text => text(),
        _ => "",
    };
}
