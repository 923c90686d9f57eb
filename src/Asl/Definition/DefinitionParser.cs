using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Definition;

/// <summary>
/// Turns ASL JSON into a <see cref="MachineSpec"/>, rejecting what AWS rejects (unknown fields and types,
/// missing or dangling transitions, unreachable states, bad paths, bad retriers) with the state and field named.
/// </summary>
internal static partial class DefinitionParser
{
    public static MachineSpec Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException e)
        {
            throw new AslDefinitionException(null, "(definition)", $"not valid JSON: {e.Message}");
        }
        if (root is not JsonObject obj) throw new AslDefinitionException(null, "(definition)", "the definition must be a JSON object.");
        var language = Str(obj, "QueryLanguage", null) ?? "JSONPath";
        if (language is not "JSONPath" and not "JSONata") throw new AslDefinitionException(null, "QueryLanguage", $"'{language}' is not a query language (JSONPath or JSONata).");
        return ParseMachine(obj, null, language);
    }

    private static MachineSpec ParseMachine(JsonObject obj, string? owner, string language)
    {
        var startAt = Str(obj, "StartAt", owner) ?? throw new AslDefinitionException(owner, "StartAt", "is required.");
        if (obj["States"] is not JsonObject statesNode || statesNode.Count == 0)
            throw new AslDefinitionException(owner, "States", "is required and must be a non-empty object.");
        var states = new Dictionary<string, StateSpec>(StringComparer.Ordinal);
        foreach (var (name, node) in statesNode)
        {
            if (name.Length is 0 or > 80) throw new AslDefinitionException(name, "(name)", "state names must be 1 to 80 characters long.");
            if (node is not JsonObject stateObj) throw new AslDefinitionException(name, "(state)", "must be a JSON object.");
            states[name] = ParseState(name, stateObj, language);
        }
        if (!states.ContainsKey(startAt)) throw new AslDefinitionException(owner, "StartAt", $"names state '{startAt}', which States does not define.");
        foreach (var state in states.Values)
        {
            foreach (var (field, target) in Transitions(state))
            {
                if (!states.ContainsKey(target))
                    throw new AslDefinitionException(state.Name, field, $"names state '{target}', which does not exist (MISSING_TRANSITION_TARGET).");
            }
        }
        var reachable = new HashSet<string> { startAt };
        var queue = new Queue<string>([startAt]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var (_, target) in Transitions(states[current]))
            {
                if (reachable.Add(target)) queue.Enqueue(target);
            }
        }
        var unreachable = states.Keys.FirstOrDefault(k => !reachable.Contains(k));
        if (unreachable is not null) throw new AslDefinitionException(unreachable, "(state)", "is not reachable from StartAt (UNREACHABLE_STATE).");
        double? timeout = obj["TimeoutSeconds"] is { } t && JsonKit.IsNumber(t) ? JsonKit.AsDouble(t) : null;
        if (timeout > MaxSeconds) throw TooLarge(null, "TimeoutSeconds");
        return new MachineSpec(startAt, states, language, timeout);
    }

    private static IEnumerable<(string Field, string Target)> Transitions(StateSpec state)
    {
        if (state.Next is not null) yield return ("Next", state.Next);
        if (state.Default is not null) yield return ("Default", state.Default);
        for (var i = 0; i < state.Choices.Count; i++) yield return ($"Choices[{i}].Next", state.Choices[i].Next);
        for (var i = 0; i < state.Catch.Count; i++) yield return ($"Catch[{i}].Next", state.Catch[i].Next);
    }

    private static StateSpec ParseState(string name, JsonObject s, string machineLanguage)
    {
        var type = Str(s, "Type", name) ?? throw new AslDefinitionException(name, "Type", "is required.");
        var language = Str(s, "QueryLanguage", name) ?? machineLanguage;
        if (language is not "JSONPath" and not "JSONata") throw new AslDefinitionException(name, "QueryLanguage", $"'{language}' is not a query language (JSONPath or JSONata).");
        if (machineLanguage == "JSONata" && language == "JSONPath" && s.ContainsKey("QueryLanguage"))
            throw new AslDefinitionException(name, "QueryLanguage", "a state cannot use JSONPath when the state machine uses JSONata.");
        if (!(language == "JSONata" ? AllowedJsonata : Allowed).TryGetValue(type, out var allowed))
            throw new AslDefinitionException(name, "Type", $"'{type}' is not a state type (expected Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map).");
        foreach (var (key, _) in s)
        {
            if (!Common.Contains(key) && !allowed.Contains(key))
                throw new AslDefinitionException(name, key, $"is not supported by {type} states (SCHEMA_VALIDATION_FAILED).");
        }
        var next = Str(s, "Next", name);
        var end = s["End"] is { } e && JsonKit.Kind(e) == JsonValueKind.True;
        if (type is "Choice" or "Succeed" or "Fail")
        {
            // These never carry Next/End; the allowed-fields check above already rejected them.
        }
        else if (next is null && !end)
        {
            throw new AslDefinitionException(name, "Next", "is required unless End is true.");
        }
        else if (next is not null && end)
        {
            throw new AslDefinitionException(name, "End", "cannot be true when Next is set.");
        }

        var jsonata = language == "JSONata";
        var spec = new StateSpec
        {
            Name = name,
            Type = type,
            Raw = s,
            QueryLanguage = language,
            Arguments = s["Arguments"],
            HasOutput = s.ContainsKey("Output"),
            Output = s["Output"],
            Items = s["Items"],
            Next = next,
            End = end,
            HasInputPath = s.ContainsKey("InputPath"),
            InputPath = ReferencePath(s, "InputPath", name, definite: false),
            HasOutputPath = s.ContainsKey("OutputPath"),
            OutputPath = ReferencePath(s, "OutputPath", name, definite: false),
            HasResultPath = s.ContainsKey("ResultPath"),
            ResultPath = ReferencePath(s, "ResultPath", name, definite: true),
            Parameters = Template(s, "Parameters", name),
            ResultSelector = Template(s, "ResultSelector", name),
            Assign = jsonata ? s["Assign"] : Template(s, "Assign", name),
            HasResult = s.ContainsKey("Result"),
            Result = s["Result"],
            Retry = ParseRetry(s, name),
            Catch = ParseCatch(s, name, jsonata),
            Resource = Str(s, "Resource", name),
            TimeoutSeconds = jsonata ? s["TimeoutSeconds"] : PositiveInt(s, "TimeoutSeconds", name),
            TimeoutSecondsPath = ReferencePath(s, "TimeoutSecondsPath", name, definite: true),
            HeartbeatSeconds = jsonata ? s["HeartbeatSeconds"] : PositiveInt(s, "HeartbeatSeconds", name),
            HeartbeatSecondsPath = ReferencePath(s, "HeartbeatSecondsPath", name, definite: true),
            Choices = type == "Choice" ? ParseChoices(s, name, jsonata) : [],
            Default = Str(s, "Default", name),
            Seconds = s["Seconds"],
            SecondsPath = ReferencePath(s, "SecondsPath", name, definite: true),
            Timestamp = Str(s, "Timestamp", name),
            TimestampPath = ReferencePath(s, "TimestampPath", name, definite: true),
            Error = Str(s, "Error", name),
            ErrorPath = Str(s, "ErrorPath", name),
            Cause = Str(s, "Cause", name),
            CausePath = Str(s, "CausePath", name),
            Branches = type == "Parallel" ? ParseBranches(s, name, language) : [],
            ItemProcessor = type == "Map" ? ParseProcessor(s, name, language) : null,
            HasItemsPath = s.ContainsKey("ItemsPath"),
            ItemsPath = ReferencePath(s, "ItemsPath", name, definite: false),
            ItemSelector = jsonata ? s["ItemSelector"] : Template(s, "ItemSelector", name) ?? (type == "Map" ? Template(s, "Parameters", name) : null),
            MaxConcurrency = s["MaxConcurrency"],
            MaxConcurrencyPath = ReferencePath(s, "MaxConcurrencyPath", name, definite: true),
            ToleratedFailureCount = s["ToleratedFailureCount"],
            ToleratedFailureCountPath = ReferencePath(s, "ToleratedFailureCountPath", name, definite: true),
            ToleratedFailurePercentage = s["ToleratedFailurePercentage"],
            ToleratedFailurePercentagePath = ReferencePath(s, "ToleratedFailurePercentagePath", name, definite: true),
            ItemReader = s["ItemReader"] as JsonObject,
            ItemBatcher = s["ItemBatcher"] as JsonObject,
            ResultWriter = s["ResultWriter"] as JsonObject,
            DistributedMap = (s["ItemProcessor"]?["ProcessorConfig"]?["Mode"])?.GetValue<string>() == "DISTRIBUTED",
        };
        if (!jsonata) ValidateTypeSpecific(spec, s);
        else ValidateJsonata(spec, s);
        return spec;
    }

    private static void ValidateTypeSpecific(StateSpec spec, JsonObject s)
    {
        var name = spec.Name;
        switch (spec.Type)
        {
            case "Task":
                if (spec.Resource is null) throw new AslDefinitionException(name, "Resource", "is required for Task states.");
                if (!spec.Resource.StartsWith("arn:", StringComparison.Ordinal))
                    throw new AslDefinitionException(name, "Resource", $"'{spec.Resource}' is not an ARN.");
                Exclusive(name, s, "TimeoutSeconds", "TimeoutSecondsPath");
                Exclusive(name, s, "HeartbeatSeconds", "HeartbeatSecondsPath");
                if (spec.TimeoutSeconds is not null && spec.HeartbeatSeconds is not null &&
                    JsonKit.AsDouble(spec.HeartbeatSeconds) >= JsonKit.AsDouble(spec.TimeoutSeconds))
                    throw new AslDefinitionException(name, "HeartbeatSeconds", "must be smaller than TimeoutSeconds.");
                break;
            case "Choice":
                if (spec.Choices.Count == 0) throw new AslDefinitionException(name, "Choices", "must be a non-empty array.");
                break;
            case "Wait":
                var present = new[] { "Seconds", "SecondsPath", "Timestamp", "TimestampPath" }.Where(s.ContainsKey).ToList();
                if (present.Count != 1)
                    throw new AslDefinitionException(name, present.Count == 0 ? "Seconds" : present[1], "a Wait state needs exactly one of Seconds, SecondsPath, Timestamp or TimestampPath.");
                if (spec.Seconds is not null && (!JsonKit.IsIntegerLiteral(spec.Seconds) || JsonKit.AsDouble(spec.Seconds) < 0))
                    throw new AslDefinitionException(name, "Seconds", "must be a non-negative integer.");
                if (spec.Seconds is not null && JsonKit.AsDouble(spec.Seconds) > MaxSeconds) throw TooLarge(name, "Seconds");
                if (spec.Timestamp is not null && !Runtime.Timestamps.TryParse(spec.Timestamp, out _))
                    throw new AslDefinitionException(name, "Timestamp", $"'{spec.Timestamp}' is not an RFC3339 timestamp.");
                break;
            case "Fail":
                Exclusive(name, s, "Error", "ErrorPath");
                Exclusive(name, s, "Cause", "CausePath");
                break;
            case "Parallel":
                if (spec.Branches.Count == 0) throw new AslDefinitionException(name, "Branches", "must be a non-empty array.");
                break;
            case "Map":
                Exclusive(name, s, "MaxConcurrency", "MaxConcurrencyPath");
                Exclusive(name, s, "ToleratedFailureCount", "ToleratedFailureCountPath");
                Exclusive(name, s, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
                Exclusive(name, s, "ItemSelector", "Parameters");
                if (spec.MaxConcurrency is not null && (!JsonKit.IsIntegerLiteral(spec.MaxConcurrency) || JsonKit.AsDouble(spec.MaxConcurrency) < 0))
                    throw new AslDefinitionException(name, "MaxConcurrency", "must be a non-negative integer.");
                break;
        }
    }

    private static void ValidateJsonata(StateSpec spec, JsonObject s)
    {
        if (spec.Type == "Task" && spec.Resource is null) throw new AslDefinitionException(spec.Name, "Resource", "is required for Task states.");
        if (spec.Type == "Choice" && spec.Choices.Count == 0) throw new AslDefinitionException(spec.Name, "Choices", "must be a non-empty array.");
        if (spec.Type == "Wait" && new[] { "Seconds", "Timestamp" }.Count(s.ContainsKey) != 1)
            throw new AslDefinitionException(spec.Name, "Seconds", "a Wait state needs exactly one of Seconds or Timestamp.");
        foreach (var (field, value) in s)
        {
            if (JsonKit.AsString(value) is { } text && text.StartsWith("{%", StringComparison.Ordinal))
            {
                if (!Jsonata.JsonataTemplate.IsExpression(value, out var expression))
                    throw new AslDefinitionException(spec.Name, field, "a JSONata expression must be a whole string of the form {% expression %}.");
                try
                {
                    Jsonata.JsonataParser.Parse(expression);
                }
                catch (FormatException e)
                {
                    throw new AslDefinitionException(spec.Name, field, e.Message);
                }
            }
        }
    }
}
