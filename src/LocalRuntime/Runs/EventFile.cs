using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Events;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// An EventBridge event from a file (<c>run --event FILE</c>), read as PutEvents would take it: one JSON object (at
/// most 64 levels deep), and within the 256 KB entry limit (<see cref="PutEventsEntrySize"/>). Errors name the file and field.
/// </summary>
public static class EventFile
{
    public static JsonObject Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Event file {path} does not exist.", path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}:{(e.LineNumber ?? 0) + 1}: (json) is not valid JSON: {e.Message.Split('.')[0]}.", e);
        }
        var evt = root as JsonObject ?? throw new FormatException($"{path}: (event) an EventBridge event must be a JSON object.");
        var size = PutEventsEntrySize.OfEvent(evt);
        if (size > PutEventsEntrySize.MaxBytes)
        {
            throw new FormatException($"{path}: detail: {TooLarge(size)} Send a reference to the data (for example an S3 key) in the event instead.");
        }
        return evt;
    }

    /// <summary>The size problem, worded once for <c>run</c> and <c>validate</c>.</summary>
    public static string TooLarge(long size) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"as a PutEvents entry this event is {size:N0} bytes, over EventBridge's limit of {PutEventsEntrySize.MaxBytes:N0} ") +
        $"(256 KB: Time 14 bytes + Source + DetailType + Detail + Resources, UTF-8), so PutEvents refuses it " +
        $"({PutEventsEntrySize.ErrorCode}: {PutEventsEntrySize.ErrorMessage}).";
}
