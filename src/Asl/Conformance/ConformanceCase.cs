using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Conformance;

/// <summary>One line of a ../shared/conformance/asl corpus: an execution recorded on AWS.</summary>
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
