using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>
/// An EventBridge event pattern with EventBridge's matching semantics: a pattern object's fields must all match;
/// a nested object matches the event's nested object; a leaf is an array of alternatives, each a literal (string,
/// number, boolean, null) or one content filter (<c>prefix</c>, <c>suffix</c>, <c>anything-but</c>, <c>numeric</c>,
/// <c>exists</c>, <c>equals-ignore-case</c>, <c>wildcard</c>, <c>cidr</c>); <c>$or</c> takes a list of patterns.
/// When the event's value is an array, the leaf matches if any element matches.
/// </summary>
public sealed partial class EventPattern
{
    private readonly JsonObject _pattern;

    private EventPattern(JsonObject pattern) => _pattern = pattern;

    /// <summary>The pattern's JSON as the template or the API gave it.</summary>
    public string Json => _pattern.ToJsonString();

    /// <summary>Parses a pattern; throws <see cref="FormatException"/> naming the offending field when it is not a valid pattern.</summary>
    public static EventPattern Parse(JsonNode? pattern)
    {
        if (pattern is JsonValue value && value.TryGetValue<string>(out var text)) pattern = JsonNode.Parse(text);
        if (pattern is not JsonObject obj) throw new FormatException("An event pattern must be a JSON object.");
        Validate(obj, "");
        return new EventPattern((JsonObject)obj.DeepClone());
    }

    public static EventPattern Parse(string json) => Parse(JsonNode.Parse(json));

    /// <summary>True when <paramref name="evt"/> (a whole EventBridge event) matches the pattern.</summary>
    public bool Matches(JsonNode? evt) => MatchObject(_pattern, evt as JsonObject);

    private static bool MatchObject(JsonObject pattern, JsonObject? evt)
    {
        foreach (var (name, rule) in pattern)
        {
            if (name == "$or")
            {
                if (!rule!.AsArray().Any(alternative => MatchObject(alternative!.AsObject(), evt))) return false;
                continue;
            }
            JsonNode? field = null;
            var present = evt is not null && evt.TryGetPropertyValue(name, out field);
            var matched = rule switch
            {
                JsonObject nested => present && field is JsonObject child && MatchObject(nested, child),
                JsonArray alternatives => MatchLeaf(alternatives, present, field),
                _ => false,
            };
            if (!matched) return false;
        }
        return true;
    }

    private static bool MatchLeaf(JsonArray alternatives, bool present, JsonNode? field)
    {
        // Nested objects are not leaves: only exists:true/false can say anything about them.
        var values = field is JsonArray array ? array.ToList() : [field];
        foreach (var alternative in alternatives)
        {
            if (alternative is JsonObject filter && filter.Count == 1 && filter.ContainsKey("exists"))
            {
                var wanted = filter["exists"]!.GetValue<bool>();
                var exists = present && !(field is JsonArray { Count: 0 }) && field is not JsonObject;
                if (exists == wanted) return true;
                continue;
            }
            if (!present) continue;
            if (values.Any(value => value is not JsonObject && ContentFilter.Matches(alternative, value))) return true;
        }
        return false;
    }

    private static void Validate(JsonObject pattern, string path)
    {
        foreach (var (name, rule) in pattern)
        {
            var here = path.Length == 0 ? name : $"{path}.{name}";
            switch (rule)
            {
                case JsonArray alternatives when name == "$or":
                    if (alternatives.Count < 2) throw new FormatException($"Event pattern field '{here}': $or needs at least two patterns.");
                    foreach (var alternative in alternatives)
                    {
                        if (alternative is not JsonObject obj) throw new FormatException($"Event pattern field '{here}': each $or entry must be an object.");
                        Validate(obj, path);
                    }
                    break;
                case JsonObject nested:
                    Validate(nested, here);
                    break;
                case JsonArray alternatives:
                    foreach (var alternative in alternatives) ContentFilter.Validate(alternative, here);
                    break;
                default:
                    throw new FormatException($"Event pattern field '{here}': a leaf must be an array of values or filters, found {rule?.GetValueKind().ToString() ?? "null"}.");
            }
        }
    }
}
