using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>
/// Resolves CloudFormation intrinsic functions against one stack: <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Join</c>,
/// <c>Fn::Sub</c> (both forms), <c>Fn::Select</c>, <c>Fn::Split</c>, <c>Fn::FindInMap</c>, <c>Fn::If</c> with the
/// template's conditions, <c>Fn::Base64</c>, <c>Fn::GetAZs</c> and the pseudo parameters. Unknown functions and
/// references fail with the path of the property that used them.
/// </summary>
internal sealed partial class IntrinsicResolver(JsonObject template, StackEnvironment env, Func<string, string> refOf, Func<string, string, string> getAtt)
{
    private static readonly JsonNode NoValue = JsonValue.Create("__AWS::NoValue__")!;
    private readonly Dictionary<string, bool> _conditions = new();

    public JsonNode? Resolve(JsonNode? node, string path)
    {
        var resolved = ResolveNode(node, path);
        return ReferenceEquals(resolved, NoValue) ? null : resolved;
    }

    public bool Condition(string name)
    {
        if (_conditions.TryGetValue(name, out var known)) return known;
        var definition = template["Conditions"]?[name] ?? throw new TemplateException($"Conditions.{name}", "condition is not defined");
        var value = EvaluateCondition(definition, $"Conditions.{name}");
        _conditions[name] = value;
        return value;
    }

    private JsonNode? ResolveNode(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                var list = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var item = ResolveNode(array[i], $"{path}[{i}]");
                    if (!ReferenceEquals(item, NoValue)) list.Add(item);
                }
                return list;
            case JsonObject obj when obj.Count == 1 && IsFunction(obj.First().Key):
                var (name, argument) = obj.First();
                return Apply(name, argument, $"{path}.{name}");
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var item = ResolveNode(value, $"{path}.{key}");
                    if (!ReferenceEquals(item, NoValue)) result[key] = item;
                }
                return result;
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsFunction(string key) => key == "Ref" || key == "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal);

    private JsonNode? Apply(string function, JsonNode? argument, string path)
    {
        switch (function)
        {
            case "Ref":
                var target = argument!.GetValue<string>();
                return target == "AWS::NoValue" ? NoValue : Reference(target, path);
            case "Fn::GetAtt":
                var parts = argument is JsonArray a ? a.Select(p => ResolveString(p, path)).ToArray() : argument!.GetValue<string>().Split('.', 2);
                return getAtt(parts[0], parts[1]);
            case "Fn::Join":
                var join = argument!.AsArray();
                var items = ResolveNode(join[1], path)!.AsArray().Select(i => ScalarText(i, path));
                return string.Join(ResolveString(join[0], path), items);
            case "Fn::Sub":
                return Substitute(argument, path);
            case "Fn::Select":
                var select = argument!.AsArray();
                var index = int.Parse(ScalarText(ResolveNode(select[0], path), path));
                var from = ResolveNode(select[1], path)!.AsArray();
                if (index < 0 || index >= from.Count) throw new TemplateException(path, $"index {index} is outside the list of {from.Count}");
                return from[index]!.DeepClone();
            case "Fn::Split":
                var split = argument!.AsArray();
                var source = ResolveString(split[1], path);
                return new JsonArray(source.Split(ResolveString(split[0], path)).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
            case "Fn::FindInMap":
                var keys = argument!.AsArray().Select(k => ResolveString(k, path)).ToArray();
                return template["Mappings"]?[keys[0]]?[keys[1]]?[keys[2]]?.DeepClone()
                    ?? throw new TemplateException(path, $"mapping {keys[0]}/{keys[1]}/{keys[2]} does not exist");
            case "Fn::If":
                var branches = argument!.AsArray();
                return ResolveNode(Condition(branches[0]!.GetValue<string>()) ? branches[1] : branches[2], path);
            case "Fn::Base64":
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(ResolveString(argument, path)));
            case "Fn::GetAZs":
                return new JsonArray(JsonValue.Create($"{env.Region}a"), JsonValue.Create($"{env.Region}b"), JsonValue.Create($"{env.Region}c"));
            case "Fn::ToJsonString":
                return ResolveNode(argument, path)!.ToJsonString();
            case "Condition":
                return Condition(argument!.GetValue<string>());
            case "Fn::Equals" or "Fn::And" or "Fn::Or" or "Fn::Not":
                return EvaluateCondition(new JsonObject { [function] = argument!.DeepClone() }, path);
            default:
                throw new TemplateException(path, $"intrinsic function {function} is not supported by the local runtime");
        }
    }

    private JsonNode Reference(string target, string path) => target switch
    {
        "AWS::Region" => env.Region,
        "AWS::AccountId" => env.AccountId,
        "AWS::Partition" => env.Partition,
        "AWS::StackName" => env.StackName,
        "AWS::StackId" => env.StackId,
        "AWS::URLSuffix" => env.UrlSuffix,
        "AWS::NotificationARNs" => new JsonArray(),
        _ when template["Parameters"]?[target] is JsonObject parameter => ParameterValue(target, parameter, path),
        _ when template["Resources"]?[target] is not null => refOf(target),
        _ => throw new TemplateException(path, $"Ref to '{target}', which is neither a resource, a parameter nor a pseudo parameter"),
    };

    private JsonNode ParameterValue(string name, JsonObject parameter, string path) =>
        env.Parameters.TryGetValue(name, out var given) ? JsonValue.Create(given)
        : parameter["Default"]?.DeepClone() ?? throw new TemplateException(path, $"parameter {name} has no Default and the local runtime gives it no value");

    private string Substitute(JsonNode? argument, string path)
    {
        string text;
        var variables = new Dictionary<string, string>();
        if (argument is JsonArray form)
        {
            text = form[0]!.GetValue<string>();
            foreach (var (key, value) in form[1]!.AsObject()) variables[key] = ScalarText(ResolveNode(value, $"{path}.{key}"), path);
        }
        else
        {
            text = argument!.GetValue<string>();
        }
        return SubVariable().Replace(text, match =>
        {
            var expression = match.Groups[1].Value;
            if (expression.StartsWith('!')) return "${" + expression[1..] + "}";
            if (variables.TryGetValue(expression, out var value)) return value;
            var dot = expression.IndexOf('.');
            if (dot > 0 && !expression.StartsWith("AWS::", StringComparison.Ordinal)) return getAtt(expression[..dot], expression[(dot + 1)..]);
            return ScalarText(Reference(expression, path), path);
        });
    }

    private bool EvaluateCondition(JsonNode definition, string path)
    {
        if (definition is not JsonObject obj || obj.Count != 1) throw new TemplateException(path, "a condition must be one function");
        var (function, argument) = obj.First();
        var args = argument as JsonArray;
        return function switch
        {
            "Fn::Equals" => ScalarText(ResolveNode(args![0], path), path) == ScalarText(ResolveNode(args[1], path), path),
            "Fn::And" => args!.All(c => EvaluateCondition(c!, path)),
            "Fn::Or" => args!.Any(c => EvaluateCondition(c!, path)),
            "Fn::Not" => !EvaluateCondition(args![0]!, path),
            "Condition" => Condition(argument!.GetValue<string>()),
            _ => throw new TemplateException(path, $"{function} is not a condition function"),
        };
    }

    private string ResolveString(JsonNode? node, string path) => ScalarText(ResolveNode(node, path), path);

    private static string ScalarText(JsonNode? node, string path) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        null => "",
        _ => throw new TemplateException(path, $"expected a string, found {node.ToJsonString()}"),
    };

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex SubVariable();
}
