using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>
/// What the .NET Lambda runtime puts in place of <see cref="Console.Out"/>: every line written becomes one log record
/// formatted for the function's <c>LoggingConfig.LogFormat</c> (the runtime reads it as <c>AWS_LAMBDA_LOG_FORMAT</c>).
/// JSON: <c>{"timestamp":"yyyy-MM-ddTHH:mm:ss.fffZ","level":"Information","requestId":…,"traceId"?:…,"message":"&lt;the line&gt;"}</c>;
/// Text: <c>timestamp\trequestId\tinfo\t&lt;the line&gt;</c>. Source: aws/aws-lambda-dotnet,
/// <c>Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/ConsoleLoggerWriter.cs</c> (<c>WrapperTextWriter</c>) and
/// <c>Helpers/Logging/JsonLogMessageFormatter.cs</c>, <c>DefaultLogMessageFormatter.cs</c>.
/// </summary>
public sealed class LambdaConsoleWriter(TextWriter logStream, string logFormat, string requestId, string? traceId, Func<DateTimeOffset> now) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n') EmitPending();
        else if (value != '\r') _pending.Append(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "") Write(c);
    }

    public override void WriteLine(string? value)
    {
        _pending.Append(value);
        EmitPending();
    }

    public override void Flush()
    {
        if (_pending.Length > 0) EmitPending();
        logStream.Flush();
    }

    private void EmitPending()
    {
        var message = _pending.ToString();
        _pending.Clear();
        logStream.WriteLine(Format(message));
    }

    /// <summary>One record as the runtime writes it for <paramref name="message"/>.</summary>
    public string Format(string message)
    {
        var timestamp = now().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        if (!string.Equals(logFormat, "JSON", StringComparison.OrdinalIgnoreCase))
        {
            return $"{timestamp}\t{requestId}\tinfo\t{message}";
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp);
            json.WriteString("level", "Information");
            json.WriteString("requestId", requestId);
            if (!string.IsNullOrEmpty(traceId)) json.WriteString("traceId", traceId);
            json.WriteString("message", message);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
