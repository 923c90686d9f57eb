using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TrainingOrchestration.Tasks.Observability;

/// <summary>
/// Structured logging for Lambda: one JSON object per line on stdout, so CloudWatch Logs Insights can filter on
/// every named placeholder (<c>{Pipeline}</c>, <c>{RunId}</c>, ...) without parsing free text. The rendered message,
/// the template and each placeholder are separate members; scope values (<see cref="BeginScope{TState}"/> with
/// key/value pairs) are added to every line written inside the scope.
/// </summary>
public sealed class JsonLineLogger(string category, TextWriter output, TimeProvider clock) : ILogger
{
    private static readonly AsyncLocal<ScopeFrame?> Scopes = new();

    public LogLevel MinimumLevel { get; init; } = LogLevel.Information;

    public IDisposable BeginScope<TState>(TState state) where TState : notnull
    {
        var frame = new ScopeFrame(state as IEnumerable<KeyValuePair<string, object?>> ?? [], Scopes.Value);
        Scopes.Value = frame;
        return new ScopeExit(frame);
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", logLevel.ToString());
            json.WriteString("category", category);
            json.WriteString("message", formatter(state, exception));
            var written = new HashSet<string>(StringComparer.Ordinal) { "timestamp", "level", "category", "message" };
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                foreach (var (key, value) in properties)
                {
                    var name = key == "{OriginalFormat}" ? "messageTemplate" : key;
                    if (written.Add(name)) WriteValue(json, name, value);
                }
            }
            for (var frame = Scopes.Value; frame is not null; frame = frame.Parent)
            {
                foreach (var (key, value) in frame.Values)
                {
                    if (written.Add(key)) WriteValue(json, key, value);
                }
            }
            if (exception is not null)
            {
                json.WriteString("errorType", exception.GetType().FullName);
                json.WriteString("exception", exception.ToString());
            }
            json.WriteEndObject();
        }
        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case string text: json.WriteString(name, text); break;
            case bool flag: json.WriteBoolean(name, flag); break;
            case int or long or short or byte or uint or ulong or ushort:
                json.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case double number when double.IsFinite(number): json.WriteNumber(name, number); break;
            case float number when float.IsFinite(number): json.WriteNumber(name, number); break;
            case decimal number: json.WriteNumber(name, number); break;
            case DateTimeOffset at: json.WriteString(name, at.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTime at: json.WriteString(name, at.ToString("O", CultureInfo.InvariantCulture)); break;
            case TimeSpan span: json.WriteString(name, span.ToString("c", CultureInfo.InvariantCulture)); break;
            default: json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private sealed record ScopeFrame(IEnumerable<KeyValuePair<string, object?>> Values, ScopeFrame? Parent);

    private sealed class ScopeExit(ScopeFrame frame) : IDisposable
    {
        public void Dispose()
        {
            if (ReferenceEquals(Scopes.Value, frame)) Scopes.Value = frame.Parent;
        }
    }
}
