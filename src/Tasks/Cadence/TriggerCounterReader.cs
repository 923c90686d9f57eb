using System.Globalization;
using System.Text.Json;

namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// Reads the counter in whatever shape the state machine passes it: the whole UpdateItem result
/// (<c>{"Attributes": ...}</c>), DynamoDB JSON (<c>{"pendingChanges": {"N": "5"}}</c>) or plain JSON; times as
/// ISO-8601 strings or epoch seconds/milliseconds. A missing counter is an empty one (nothing ever counted).
/// </summary>
public static class TriggerCounterReader
{
    public static TriggerCounter Read(JsonElement? counter)
    {
        if (counter is not { ValueKind: JsonValueKind.Object } item) return TriggerCounter.Empty;
        if (item.TryGetProperty("Attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object) item = attributes;

        return new TriggerCounter(
            Number(item, "pendingChanges") is { } pending ? (long)pending : 0,
            Time(item, "firstPendingAt"),
            Time(item, "lastRunStartedAt"),
            Number(item, "generation") is { } generation ? (long)generation : 0);
    }

    private static double? Number(JsonElement item, string name)
    {
        var value = Scalar(item, name);
        return value?.ValueKind switch
        {
            JsonValueKind.Number => value.Value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            JsonValueKind.Null or null => null,
            _ => throw new FormatException($"counter.{name} is {value.Value.ValueKind}; expected a number"),
        };
    }

    private static DateTimeOffset? Time(JsonElement item, string name)
    {
        var value = Scalar(item, name);
        switch (value?.ValueKind)
        {
            case JsonValueKind.Number:
                return Epoch(value.Value.GetDouble());
            case JsonValueKind.String:
                var text = value.Value.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch)) return Epoch(epoch);
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
                throw new FormatException($"counter.{name} '{text}' is not a time; expected ISO-8601 or epoch seconds");
            default:
                return null;
        }
    }

    /// <summary>The attribute's value, unwrapping a DynamoDB type descriptor (<c>S</c>, <c>N</c>, <c>NULL</c>).</summary>
    private static JsonElement? Scalar(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Object) return value;
        if (value.TryGetProperty("N", out var number)) return number;
        if (value.TryGetProperty("S", out var text)) return text;
        if (value.TryGetProperty("NULL", out _)) return null;
        throw new FormatException($"counter.{name} has an unsupported DynamoDB type; expected S, N or NULL");
    }

    private static DateTimeOffset Epoch(double value) => value >= 1e11
        ? DateTimeOffset.FromUnixTimeMilliseconds((long)value)
        : DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000));
}
