using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>One field of a pattern an event did not match: its path, what the pattern expects and what the event has.</summary>
public sealed record PatternMismatch(string Field, string Expected, string Actual)
{
    public override string ToString() => $"{Field}: expected {Expected}, found {Actual}";
}

public sealed partial class EventPattern
{
    /// <summary>
    /// Why <paramref name="evt"/> does not match: every top-level or nested field whose leaf rejects the event's value,
    /// with the same semantics as <see cref="Matches"/> (empty when it matches). A <c>$or</c> that no alternative matches
    /// is one mismatch naming each alternative's first failing field.
    /// </summary>
    public IReadOnlyList<PatternMismatch> Mismatches(JsonNode? evt)
    {
        var found = new List<PatternMismatch>();
        Explain(_pattern, evt as JsonObject, "", found);
        return found;
    }

    private static void Explain(JsonObject pattern, JsonObject? evt, string path, List<PatternMismatch> found)
    {
        foreach (var (name, rule) in pattern)
        {
            if (name == "$or")
            {
                var alternatives = rule!.AsArray().Select(a => a!.AsObject()).ToList();
                if (alternatives.Any(a => MatchObject(a, evt))) continue;
                var firsts = alternatives.Select(a => { var m = new List<PatternMismatch>(); Explain(a, evt, path, m); return m.FirstOrDefault(); }).OfType<PatternMismatch>();
                found.Add(new PatternMismatch(path.Length == 0 ? "$or" : $"{path}.$or", "one of the alternatives", string.Join("; ", firsts)));
                continue;
            }
            var here = path.Length == 0 ? name : $"{path}.{name}";
            JsonNode? field = null;
            var present = evt is not null && evt.TryGetPropertyValue(name, out field);
            switch (rule)
            {
                case JsonObject nested when present && field is JsonObject child:
                    Explain(nested, child, here, found);
                    break;
                case JsonObject nested:
                    found.Add(new PatternMismatch(here, "an object matching " + nested.ToJsonString(), present ? Show(field) : "no such field"));
                    break;
                case JsonArray alternatives when !MatchLeaf(alternatives, present, field):
                    found.Add(new PatternMismatch(here, alternatives.Count == 1 ? alternatives[0]?.ToJsonString() ?? "null" : "one of " + alternatives.ToJsonString(),
                        present ? Show(field) : "no such field"));
                    break;
            }
        }
    }

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
