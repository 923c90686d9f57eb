using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Conformance;

/// <summary>
/// One line of a ../shared/conformance/asl corpus: an execution recorded on AWS. A line that cannot be read is still
/// a case (<see cref="LoadError"/> says why), so a corpus run reports it as failed and goes on.
/// </summary>
public sealed record ConformanceCase(
    string Id,
    string QueryLanguage,
    IReadOnlyList<string> Features,
    bool Nondeterministic,
    JsonNode Definition,
    JsonNode? Input,
    JsonObject Expected,
    JsonObject? Mocks)
{
    /// <summary>Why the corpus line could not be read (invalid JSON, a required field missing or of the wrong type).</summary>
    public string? LoadError { get; init; }

    /// <summary>A stand-in for a line that could not be read, named by its file and line.</summary>
    public static ConformanceCase Unreadable(string file, int lineNumber, string reason) =>
        new($"{file}:{lineNumber}", "unreadable", [], false, new JsonObject(), null, new JsonObject(), null) { LoadError = reason };

    /// <summary>Parses a corpus line, or returns <see cref="Unreadable"/> with the reason instead of throwing.</summary>
    public static ConformanceCase ParseOrUnreadable(string line, string file, int lineNumber)
    {
        try
        {
            return Parse(line, file, lineNumber);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            var reason = e is System.Text.Json.JsonException ? $"{file}:{lineNumber}: the line is not valid JSON: {e.Message}" : e.Message;
            return Unreadable(file, lineNumber, reason);
        }
    }

    public static ConformanceCase Parse(string line, string file, int lineNumber)
    {
        var json = JsonNode.Parse(line) as JsonObject ?? throw new FormatException($"{file}:{lineNumber}: a line must be a JSON object.");
        string Need(string field) => json[field]?.GetValue<string>() ?? throw new FormatException($"{file}:{lineNumber}: '{field}' is required.");
        return new ConformanceCase(
            Need("id"),
            json["queryLanguage"]?.GetValue<string>() ?? "jsonpath",
            json["features"] is JsonArray f ? f.Select(x => x!.GetValue<string>()).ToList() : [],
            json["nondeterministic"]?.GetValue<bool>() ?? false,
            json["definition"] ?? throw new FormatException($"{file}:{lineNumber}: 'definition' is required."),
            json["input"],
            json["expected"] as JsonObject ?? throw new FormatException($"{file}:{lineNumber}: 'expected' must be an object."),
            json["mocks"] as JsonObject);
    }
}
