using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Definition;

/// <summary>The parts of a state that nest: Map processors, Parallel branches, Choice rules, Retry and Catch.</summary>
internal static partial class DefinitionParser
{
    private static MachineSpec ParseProcessor(JsonObject s, string name, string language)
    {
        var field = s.ContainsKey("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (s.ContainsKey("ItemProcessor") && s.ContainsKey("Iterator"))
            throw new AslDefinitionException(name, "Iterator", "cannot be used together with ItemProcessor.");
        if (s[field] is not JsonObject processor) throw new AslDefinitionException(name, "ItemProcessor", "is required for Map states.");
        return ParseMachine(processor, name, language);
    }

    private static List<MachineSpec> ParseBranches(JsonObject s, string name, string language)
    {
        if (s["Branches"] is not JsonArray branches) throw new AslDefinitionException(name, "Branches", "must be an array.");
        return branches.Select((b, i) => b is JsonObject bo
            ? ParseMachine(bo, name, language)
            : throw new AslDefinitionException(name, $"Branches[{i}]", "must be an object.")).ToList();
    }

    private static List<ChoiceBranch> ParseChoices(JsonObject s, string name, bool jsonata)
    {
        if (s["Choices"] is not JsonArray choices) throw new AslDefinitionException(name, "Choices", "must be an array.");
        var result = new List<ChoiceBranch>();
        for (var i = 0; i < choices.Count; i++)
        {
            var where = $"Choices[{i}]";
            if (choices[i] is not JsonObject rule) throw new AslDefinitionException(name, where, "must be an object.");
            var next = Str(rule, "Next", name) ?? throw new AslDefinitionException(name, $"{where}.Next", "is required on a top-level choice rule.");
            if (jsonata)
            {
                foreach (var (key, _) in rule)
                {
                    if (key is not ("Condition" or "Next" or "Assign" or "Output" or "Comment"))
                        throw new AslDefinitionException(name, $"{where}.{key}", "is not a JSONata choice rule field (Condition, Next, Assign, Output).");
                }
                var condition = rule["Condition"] ?? throw new AslDefinitionException(name, $"{where}.Condition", "is required in a JSONata choice rule.");
                result.Add(new ChoiceBranch(null, next, rule["Assign"], JsonKit.Serialize(condition), rule.ContainsKey("Output"), rule["Output"]));
                continue;
            }
            result.Add(new ChoiceBranch(ChoiceRuleParser.Parse(rule, name, where, topLevel: true), next, rule["Assign"]));
        }
        return result;
    }

    private static List<RetrierSpec> ParseRetry(JsonObject s, string name)
    {
        if (s["Retry"] is not JsonArray retry) return [];
        var result = new List<RetrierSpec>();
        for (var i = 0; i < retry.Count; i++)
        {
            var where = $"Retry[{i}]";
            if (retry[i] is not JsonObject r) throw new AslDefinitionException(name, where, "must be an object.");
            var errors = ErrorEquals(r, name, where, isLast: i == retry.Count - 1);
            var interval = IntField(r, "IntervalSeconds", name, where, 1, min: 1);
            var maxAttempts = IntField(r, "MaxAttempts", name, where, 3, min: 0);
            var backoff = r["BackoffRate"] is { } b ? (JsonKit.IsNumber(b) ? JsonKit.AsDouble(b) : throw new AslDefinitionException(name, $"{where}.BackoffRate", "must be a number.")) : 2.0;
            if (backoff < 1.0) throw new AslDefinitionException(name, $"{where}.BackoffRate", "must be greater than or equal to 1.0.");
            int? maxDelay = r.ContainsKey("MaxDelaySeconds") ? IntField(r, "MaxDelaySeconds", name, where, 0, min: 1) : null;
            var jitter = Str(r, "JitterStrategy", name) ?? "NONE";
            if (jitter is not "FULL" and not "NONE") throw new AslDefinitionException(name, $"{where}.JitterStrategy", "must be FULL or NONE.");
            foreach (var (key, _) in r)
            {
                if (key is not ("ErrorEquals" or "IntervalSeconds" or "MaxAttempts" or "BackoffRate" or "MaxDelaySeconds" or "JitterStrategy" or "Comment"))
                    throw new AslDefinitionException(name, $"{where}.{key}", "is not a Retry field.");
            }
            result.Add(new RetrierSpec(errors, interval, maxAttempts, backoff, maxDelay, jitter == "FULL"));
        }
        return result;
    }

    private static List<CatcherSpec> ParseCatch(JsonObject s, string name, bool jsonata)
    {
        if (s["Catch"] is not JsonArray catches) return [];
        var result = new List<CatcherSpec>();
        for (var i = 0; i < catches.Count; i++)
        {
            var where = $"Catch[{i}]";
            if (catches[i] is not JsonObject c) throw new AslDefinitionException(name, where, "must be an object.");
            var errors = ErrorEquals(c, name, where, isLast: i == catches.Count - 1);
            var next = Str(c, "Next", name) ?? throw new AslDefinitionException(name, $"{where}.Next", "is required.");
            foreach (var (key, _) in c)
            {
                if (key is not ("ErrorEquals" or "Next" or "ResultPath" or "Assign" or "Comment" or "Output"))
                    throw new AslDefinitionException(name, $"{where}.{key}", "is not a Catch field.");
            }
            if (jsonata && c.ContainsKey("ResultPath")) throw new AslDefinitionException(name, $"{where}.ResultPath", "is not supported in JSONata; use Output.");
            result.Add(new CatcherSpec(errors, next, c.ContainsKey("ResultPath"), ReferencePath(c, "ResultPath", name, definite: true, where), c["Assign"],
                c.ContainsKey("Output"), c["Output"]));
        }
        return result;
    }

    private static List<string> ErrorEquals(JsonObject r, string name, string where, bool isLast)
    {
        if (r["ErrorEquals"] is not JsonArray errors || errors.Count == 0)
            throw new AslDefinitionException(name, $"{where}.ErrorEquals", "must be a non-empty array of error names.");
        var list = errors.Select(e => JsonKit.AsString(e) ?? throw new AslDefinitionException(name, $"{where}.ErrorEquals", "must contain strings.")).ToList();
        if (list.Contains("States.ALL") && (list.Count > 1 || !isLast))
            throw new AslDefinitionException(name, $"{where}.ErrorEquals", "States.ALL must appear alone, in the last retrier or catcher.");
        return list;
    }
}
