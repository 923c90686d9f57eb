using System.Collections;

namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>
/// The environment a handler sees. On Lambda that is the process environment; the local runtime invokes every
/// function in one process, so it scopes each invocation to that function's own variables (and, optionally, its own
/// log sink) with <see cref="Use(IReadOnlyDictionary{string, string}, TextWriter?)"/>. The scope flows with the
/// async context, so concurrent invocations do not see each other's variables.
/// </summary>
public static class LambdaEnvironment
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>The variables visible to the current async flow.</summary>
    public static IReadOnlyDictionary<string, string> Variables => Current.Value?.Variables ?? ProcessVariables();

    /// <summary>
    /// Where handlers write their JSON log lines: <see cref="Console.Out"/> on Lambda, which the .NET runtime replaces
    /// with a writer that formats every line for the function's log format (in JSON mode each line becomes the
    /// <c>message</c> of <c>{"timestamp","level","requestId","message"}</c>).
    /// </summary>
    public static TextWriter Output => Current.Value?.Output ?? Console.Out;

    /// <summary>
    /// Where handlers write EMF metric lines: the process's raw standard output on Lambda, which the runtime passes to
    /// CloudWatch Logs unformatted, so a metric line stays a top-level <c>_aws</c> object that CloudWatch extracts
    /// (see <see cref="RawStandardOutput"/>).
    /// </summary>
    public static TextWriter MetricsOutput => Current.Value?.MetricsOutput ?? RawStandardOutput.Instance;

    /// <summary>The time handlers stamp logs and metrics with: the system clock on Lambda, the virtual clock locally.</summary>
    public static TimeProvider Clock => Current.Value?.Clock ?? TimeProvider.System;

    public static string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Replaces the environment for the current async flow until the returned scope is disposed.
    /// <paramref name="output"/> captures log lines (stdout when null); <paramref name="metricsOutput"/> captures EMF
    /// lines (the same writer as <paramref name="output"/> when null, else raw stdout); <paramref name="clock"/> is the
    /// time handlers see (the system clock when null).
    /// </summary>
    public static IDisposable Use(IReadOnlyDictionary<string, string> variables, TextWriter? output = null, TextWriter? metricsOutput = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var previous = Current.Value;
        Current.Value = new Scope(variables, output ?? previous?.Output ?? Console.Out,
            metricsOutput ?? output ?? previous?.MetricsOutput ?? RawStandardOutput.Instance,
            clock ?? previous?.Clock ?? TimeProvider.System);
        return new Restore(previous);
    }

    private static Dictionary<string, string> ProcessVariables()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value) result[key] = value;
        }
        return result;
    }

    private sealed record Scope(IReadOnlyDictionary<string, string> Variables, TextWriter Output, TextWriter MetricsOutput, TimeProvider Clock);

    private sealed class Restore(Scope? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Current.Value = previous;
        }
    }
}
