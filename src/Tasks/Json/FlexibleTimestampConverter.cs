using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingOrchestration.Tasks.Json;

/// <summary>
/// Reads the timestamp shapes AWS actually sends: ISO-8601 strings (EventBridge <c>time</c>, Step Functions),
/// epoch numbers (SageMaker events; milliseconds, or seconds when below 10^11) and strings holding epoch
/// milliseconds (AWS's documented SageMaker sample). Writes ISO-8601 UTC.
/// </summary>
public sealed class FlexibleTimestampConverter : JsonConverter<DateTimeOffset?>
{
    private const double SecondsMillisecondsBoundary = 1e11;

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return FromEpoch(reader.GetDouble());
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch)) return FromEpoch(epoch);
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
                throw new JsonException($"'{text}' is not a timestamp: expected ISO-8601 or epoch milliseconds");
            default:
                throw new JsonException($"expected a timestamp but found {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } at) writer.WriteStringValue(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        else writer.WriteNullValue();
    }

    private static DateTimeOffset FromEpoch(double value) =>
        Math.Abs(value) >= SecondsMillisecondsBoundary
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value))
            : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value * 1000));
}
