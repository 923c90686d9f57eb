using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TrainingOrchestration.Tasks.Json;

/// <summary>
/// Reading and writing handler payloads through <see cref="TaskJsonContext"/>. Streams are read with the serializer's
/// stream API, which skips a UTF-8 byte order mark (one of AWS's own sample events starts with one).
/// </summary>
public static class TaskJson
{
    public static async Task<T> ReadAsync<T>(Stream input, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(input, type, cancellationToken).ConfigureAwait(false)
                   ?? throw new TaskInputException($"the input is JSON null; expected {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw new TaskInputException(
                $"the input is not a valid {typeof(T).Name} at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}, " +
                $"byte {(e.BytePositionInLine ?? 0) + 1}): {e.Message}", e);
        }
    }

    public static T Read<T>(string json, JsonTypeInfo<T> type)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return ReadAsync(stream, type).GetAwaiter().GetResult();
    }

    public static async Task<Stream> WriteAsync<T>(T value, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, value, type, cancellationToken).ConfigureAwait(false);
        output.Position = 0;
        return output;
    }
}
