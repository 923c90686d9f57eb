using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Definition;

/// <summary>The fields each state type allows per query language, and the readers of single fields that name the state and field on error.</summary>
internal static partial class DefinitionParser
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Pass"] = ["Next", "End", "InputPath", "OutputPath", "Parameters", "ResultPath", "Result", "Assign"],
        ["Task"] = ["Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch",
            "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign"],
        ["Choice"] = ["InputPath", "OutputPath", "Choices", "Default", "Assign"],
        ["Wait"] = ["Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Assign"],
        ["Succeed"] = ["InputPath", "OutputPath"],
        ["Fail"] = ["Error", "ErrorPath", "Cause", "CausePath"],
        ["Parallel"] = ["Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Branches", "Assign"],
        ["Map"] = ["Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Iterator",
            "ItemProcessor", "ItemsPath", "ItemSelector", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ItemReader", "ItemBatcher",
            "ResultWriter", "Label", "Assign"],
    };

    private static readonly Dictionary<string, string[]> AllowedJsonata = new()
    {
        ["Pass"] = ["Next", "End", "Output", "Assign"],
        ["Task"] = ["Next", "End", "Arguments", "Output", "Assign", "Retry", "Catch", "Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials"],
        ["Choice"] = ["Choices", "Default", "Output", "Assign"],
        ["Wait"] = ["Next", "End", "Seconds", "Timestamp", "Output", "Assign"],
        ["Succeed"] = ["Output"],
        ["Fail"] = ["Error", "Cause"],
        ["Parallel"] = ["Next", "End", "Arguments", "Output", "Assign", "Retry", "Catch", "Branches"],
        ["Map"] = ["Next", "End", "Output", "Assign", "Retry", "Catch", "ItemProcessor", "Items", "ItemSelector", "MaxConcurrency",
            "ToleratedFailureCount", "ToleratedFailurePercentage", "ItemReader", "ItemBatcher", "ResultWriter", "Label"],
    };


    private static int IntField(JsonObject r, string field, string name, string where, int fallback, int min)
    {
        if (r[field] is not { } node) return fallback;
        if (!JsonKit.IsIntegerLiteral(node) || JsonKit.AsDouble(node) < min || JsonKit.AsDouble(node) > int.MaxValue)
            throw new AslDefinitionException(name, $"{where}.{field}", $"must be an integer >= {min}.");
        return (int)JsonKit.AsDouble(node);
    }

    /// <summary>
    /// The largest TimeoutSeconds, HeartbeatSeconds or Wait Seconds Step Functions accepts in a definition:
    /// CreateStateMachine answers "SCHEMA_VALIDATION_FAILED: Maximum value is 99999999 at /States/Wait/Seconds"
    /// (aws-cloudformation/cfn-lint#4075).
    /// </summary>
    public const double MaxSeconds = 99999999;

    private static JsonNode? PositiveInt(JsonObject s, string field, string name)
    {
        if (s[field] is not { } node) return null;
        if (!JsonKit.IsIntegerLiteral(node) || JsonKit.AsDouble(node) < 1)
            throw new AslDefinitionException(name, field, "must be a positive integer.");
        if (JsonKit.AsDouble(node) > MaxSeconds) throw TooLarge(name, field);
        return node;
    }

    private static AslDefinitionException TooLarge(string? name, string field) =>
        new(name, field, $"SCHEMA_VALIDATION_FAILED: Maximum value is {MaxSeconds:0} at {(name is null ? "" : $"/States/{name}")}/{field}.");

    private static void Exclusive(string name, JsonObject s, string a, string b)
    {
        if (s.ContainsKey(a) && s.ContainsKey(b)) throw new AslDefinitionException(name, b, $"cannot be used together with {a}.");
    }

    private static JsonNode? Template(JsonObject s, string field, string name)
    {
        var node = s[field];
        if (node is not null) PayloadTemplateValidator.Validate(node, name, field);
        return node;
    }

    private static string? ReferencePath(JsonObject s, string field, string name, bool definite, string? prefix = null)
    {
        if (!s.TryGetPropertyValue(field, out var node) || node is null) return null;
        var label = prefix is null ? field : $"{prefix}.{field}";
        var text = JsonKit.AsString(node) ?? throw new AslDefinitionException(name, label, "must be a string (a JSONPath) or null.");
        if (!Paths.JsonPath.TryParse(text, out var path, out var error)) throw new AslDefinitionException(name, label, error!);
        if (field == "ResultPath" && path!.Root != Paths.PathRoot.Input)
            throw new AslDefinitionException(name, label, $"'{text}' must be a Reference Path into the state input (starting with '$').");
        if (definite && !path!.IsDefinite && field == "ResultPath")
            throw new AslDefinitionException(name, label, $"'{text}' must be a Reference Path (no wildcards, filters or slices).");
        return text;
    }

    private static string? Str(JsonObject s, string field, string? name)
    {
        if (!s.TryGetPropertyValue(field, out var node) || node is null) return null;
        return JsonKit.AsString(node) ?? throw new AslDefinitionException(name, field, "must be a string.");
    }
}
