using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// Evaluates a payload template straight to its JSON text. A Task's parameters are only ever needed as text (the
/// TaskScheduled event; integrations get them parsed from that text, as from the wire), so building them as nodes
/// first (copying every selected value, e.g. the whole input for <c>"Payload.$": "$"</c>) was wasted work.
/// The text is the same as serializing <see cref="PayloadEvaluator.Evaluate"/>'s result.
/// </summary>
internal static class PayloadText
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    /// <param name="known">A node whose JSON text is already known (the state input and its StateEntered text): a field
    /// that selects it (<c>"Payload.$": "$"</c>) copies that text instead of writing the node again.</param>
    public static string Evaluate(JsonNode? template, ValueSource source, string state, StatePrefix errorPrefix, (JsonNode? Node, string? Text) known = default) =>
        IsWritable(template)
            ? System.Text.Encoding.UTF8.GetString(WriteUtf8(template, source, state, errorPrefix, known))
            : JsonKit.Serialize(PayloadEvaluator.Evaluate(template, source, state, errorPrefix));

    /// <summary>
    /// <see cref="Evaluate"/> as UTF-8: a Task's parameters are kept in the history for the whole execution and parsed
    /// again only for a real integration, so they stay in the encoding the writer produced (half the bytes of a string,
    /// and no transcoding).
    /// </summary>
    public static byte[] EvaluateUtf8(JsonNode? template, ValueSource source, string state, StatePrefix errorPrefix, (JsonNode? Node, string? Text) known = default) =>
        IsWritable(template)
            ? WriteUtf8(template, source, state, errorPrefix, known).ToArray()
            : System.Text.Encoding.UTF8.GetBytes(JsonKit.Serialize(PayloadEvaluator.Evaluate(template, source, state, errorPrefix)));

    /// <summary>Writes the template into this thread's buffer; the span is valid until the thread's next call.</summary>
    private static ReadOnlySpan<byte> WriteUtf8(JsonNode? template, ValueSource source, string state, StatePrefix errorPrefix, (JsonNode? Node, string? Text) known)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = _writer ??= new Utf8JsonWriter(buffer, Options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            Write(writer, template, source, state, errorPrefix, known);
            writer.Flush();
            return buffer.WrittenSpan;
        }
        finally
        {
            writer.Reset(buffer);
            if (buffer.Capacity > 64 * 1024) _buffer = null;
        }
    }

    /// <summary>Templates whose objects repeat an output key are left to the node evaluator (the last value wins there).</summary>
    private static bool IsWritable(JsonNode? template) => template switch
    {
        JsonObject obj => PayloadEvaluator.Compile(obj) is var compiled
            && (compiled.Writable ??= compiled.UniqueKeys && compiled.Fields.All(f => f.Expression is not null || IsWritable(f.Template))),
        JsonArray array => array.All(IsWritable),
        _ => true,
    };

    private static void Write(Utf8JsonWriter writer, JsonNode? template, ValueSource source, string state, StatePrefix errorPrefix, (JsonNode? Node, string? Text) known)
    {
        switch (template)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var field in PayloadEvaluator.Compile(obj).Fields)
                {
                    writer.WritePropertyName(field.OutputKey);
                    if (field.Expression is null) Write(writer, field.Template, source, state, errorPrefix, known);
                    else if (field.Path is not null) WriteValue(writer, PayloadEvaluator.Resolve(field.Path, source, field.Key, errorPrefix), known);
                    else WriteValue(writer, PayloadEvaluator.EvaluateExpression(field.Expression, source, field.Key, errorPrefix));
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(writer, item, source, state, errorPrefix, known);
                writer.WriteEndArray();
                break;
            default:
                WriteValue(writer, template);
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value, (JsonNode? Node, string? Text) known = default)
    {
        if (value is null) writer.WriteNullValue();
        else if (known.Text is not null && ReferenceEquals(value, known.Node)) writer.WriteRawValue(known.Text, skipInputValidation: true);
        else value.WriteTo(writer);
    }
}
