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

    /// <summary>Where handlers write their JSON log lines and EMF metrics: stdout on Lambda.</summary>
    public static TextWriter Output => Current.Value?.Output ?? Console.Out;

    public static string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Replaces the environment for the current async flow until the returned scope is disposed.
    /// <paramref name="output"/> captures log and metric lines (stdout when null).
    /// </summary>
    public static IDisposable Use(IReadOnlyDictionary<string, string> variables, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var previous = Current.Value;
        Current.Value = new Scope(variables, output ?? previous?.Output ?? Console.Out);
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

    private sealed record Scope(IReadOnlyDictionary<string, string> Variables, TextWriter Output);

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
