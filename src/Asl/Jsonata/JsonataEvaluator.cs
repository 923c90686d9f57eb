using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Jsonata;

/// <summary>
/// Evaluates the JSONata subset; <c>$states</c> and workflow variables come from <paramref name="variables"/>.
/// <paramref name="clock"/> is the execution's clock for <c>$now()</c> and <c>$millis()</c>; it is read once per
/// evaluator, because JSONata returns the same instant for every call within one evaluation.
/// </summary>
internal sealed class JsonataEvaluator(Func<string, JsonataValue> variables, Func<DateTimeOffset>? clock = null)
{
    private DateTimeOffset? _now;

    /// <summary>Variables bound with <c>:=</c>: the innermost block's scope last; the expression itself is the outermost.</summary>
    private readonly List<Dictionary<string, JsonataValue>> _scopes = [];

    /// <summary>The instant <c>$now()</c> and <c>$millis()</c> report: the clock's first reading, then the same.</summary>
    internal DateTimeOffset Now() => _now ??= clock?.Invoke()
        ?? throw new JsonataException("$now() and $millis() need the execution's clock, which this evaluation was not given");

    public JsonataValue Evaluate(JsonataNode node, JsonataValue context)
    {
        switch (node)
        {
            case JsonataNode.Literal literal:
                return JsonataValue.Of(JsonKit.Clone(literal.Value));
            case JsonataNode.Variable variable:
                return variable.Name.Length == 0 ? context : Lookup(variable.Name);
            case JsonataNode.Bind bind:
                var bound = Evaluate(bind.Value, context);
                if (_scopes.Count == 0) _scopes.Add(new Dictionary<string, JsonataValue>(StringComparer.Ordinal));
                _scopes[^1][bind.Name] = bound;
                return bound;
            case JsonataNode.Block block:
                _scopes.Add(new Dictionary<string, JsonataValue>(StringComparer.Ordinal));
                try
                {
                    var last = JsonataValue.Undefined;
                    foreach (var expression in block.Expressions) last = Evaluate(expression, context);
                    return last;
                }
                finally
                {
                    _scopes.RemoveAt(_scopes.Count - 1);
                }
            case JsonataNode.Field field:
                return Step(context, field.Name);
            case JsonataNode.Path path:
                return EvaluatePath(path, context);
            case JsonataNode.Predicate predicate:
                return Filter(Evaluate(predicate.Target, context), predicate.Condition);
            case JsonataNode.Negate negate:
                var operand = Evaluate(negate.Operand, context);
                if (!operand.Defined) return operand;
                return JsonataValue.Of(Number(-NumberOf(operand, "-")));
            case JsonataNode.Conditional conditional:
                return Truthy(Evaluate(conditional.Condition, context))
                    ? Evaluate(conditional.Then, context)
                    : conditional.Else is null ? JsonataValue.Undefined : Evaluate(conditional.Else, context);
            case JsonataNode.ArrayConstructor array:
                var items = new JsonArray();
                foreach (var item in array.Items)
                {
                    var value = Evaluate(item, context);
                    if (value.Defined) items.Add(JsonKit.Detach(value.Node));
                }
                return JsonataValue.Of(items);
            case JsonataNode.ObjectConstructor obj:
                var result = new JsonObject();
                foreach (var (keyNode, valueNode) in obj.Pairs)
                {
                    var key = Evaluate(keyNode, context);
                    if (JsonKit.AsString(key.Node) is not { } name) throw new JsonataException("T1003: Key in object structure must evaluate to a string");
                    var value = Evaluate(valueNode, context);
                    if (value.Defined) result[name] = JsonKit.Detach(value.Node);
                }
                return JsonataValue.Of(result);
            case JsonataNode.Binary binary:
                return EvaluateBinary(binary, context);
            case JsonataNode.Call call:
                if (call.Function is not JsonataNode.Variable { Name.Length: > 0 } function)
                    throw new JsonataException("T1006: Attempted to invoke a non-function");
                var args = call.Arguments.Select(a => Evaluate(a, context)).ToList();
                return JsonataFunctions.Invoke(function.Name, args, this);
            default:
                throw new JsonataException("S0500: Unsupported expression");
        }
    }

    private JsonataValue Lookup(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var value)) return value;
        }
        return variables(name);
    }

    private JsonataValue EvaluatePath(JsonataNode.Path path, JsonataValue context)
    {
        var left = Evaluate(path.Left, context);
        if (!left.Defined) return left;
        if (left.Node is JsonArray array && path.Step is JsonataNode.Field)
        {
            var mapped = new JsonArray();
            foreach (var element in array)
            {
                var value = Evaluate(path.Step, JsonataValue.Of(element));
                if (!value.Defined) continue;
                if (value.Node is JsonArray inner) foreach (var x in inner) mapped.Add(JsonKit.Clone(x));
                else mapped.Add(JsonKit.Clone(value.Node));
            }
            return mapped.Count switch
            {
                0 => JsonataValue.Undefined,
                1 => JsonataValue.Of(JsonKit.Detach(mapped[0])),
                _ => JsonataValue.Of(mapped),
            };
        }
        return Evaluate(path.Step, left);
    }

    private static JsonataValue Step(JsonataValue context, string name)
    {
        if (!context.Defined) return context;
        switch (context.Node)
        {
            case JsonObject obj when name == "*":
                return obj.Count == 0 ? JsonataValue.Undefined : JsonataValue.Of(new JsonArray(obj.Select(p => JsonKit.Clone(p.Value)).ToArray()));
            case JsonObject obj:
                return obj.TryGetPropertyValue(name, out var value) ? JsonataValue.Of(value) : JsonataValue.Undefined;
            case JsonArray array:
                var mapped = new JsonArray();
                foreach (var element in array)
                {
                    var stepped = Step(JsonataValue.Of(element), name);
                    if (stepped.Defined) mapped.Add(JsonKit.Clone(stepped.Node));
                }
                return mapped.Count == 0 ? JsonataValue.Undefined : mapped.Count == 1 ? JsonataValue.Of(JsonKit.Detach(mapped[0])) : JsonataValue.Of(mapped);
            default:
                return JsonataValue.Undefined;
        }
    }

    private JsonataValue Filter(JsonataValue target, JsonataNode condition)
    {
        if (!target.Defined) return target;
        var items = target.Node is JsonArray array ? array.ToList() : [target.Node];
        var kept = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var test = Evaluate(condition, JsonataValue.Of(items[i]));
            if (test.Defined && JsonKit.IsNumber(test.Node))
            {
                var index = (int)Math.Floor(JsonKit.AsDouble(test.Node));
                if (index < 0) index += items.Count;
                if (index == i) kept.Add(JsonKit.Clone(items[i]));
            }
            else if (Truthy(test))
            {
                kept.Add(JsonKit.Clone(items[i]));
            }
        }
        return kept.Count switch
        {
            0 => JsonataValue.Undefined,
            1 => JsonataValue.Of(JsonKit.Detach(kept[0])),
            _ => JsonataValue.Of(kept),
        };
    }

    private JsonataValue EvaluateBinary(JsonataNode.Binary binary, JsonataValue context)
    {
        var op = binary.Operator;
        if (op == "and") return JsonataValue.Of(JsonValue.Create(Truthy(Evaluate(binary.Left, context)) && Truthy(Evaluate(binary.Right, context))));
        if (op == "or") return JsonataValue.Of(JsonValue.Create(Truthy(Evaluate(binary.Left, context)) || Truthy(Evaluate(binary.Right, context))));
        var left = Evaluate(binary.Left, context);
        var right = Evaluate(binary.Right, context);
        switch (op)
        {
            case "&":
                return JsonataValue.Of(JsonValue.Create(JsonataFunctions.StringOf(left) + JsonataFunctions.StringOf(right)));
            case "=":
                return JsonataValue.Of(JsonValue.Create(left.Defined && right.Defined && JsonKit.DeepEquals(left.Node, right.Node)));
            case "!=":
                return JsonataValue.Of(JsonValue.Create(left.Defined && right.Defined && !JsonKit.DeepEquals(left.Node, right.Node)));
            case "in":
                if (!left.Defined || !right.Defined) return JsonataValue.Of(JsonValue.Create(false));
                var candidates = right.Node is JsonArray array ? array.ToList() : [right.Node];
                return JsonataValue.Of(JsonValue.Create(candidates.Any(c => JsonKit.DeepEquals(c, left.Node))));
            case "<" or "<=" or ">" or ">=":
                if (!left.Defined || !right.Defined) return JsonataValue.Of(JsonValue.Create(false));
                int order;
                if (JsonKit.IsNumber(left.Node) && JsonKit.IsNumber(right.Node)) order = JsonKit.CompareNumbers(left.Node!, right.Node!);
                else if (JsonKit.IsString(left.Node) && JsonKit.IsString(right.Node)) order = string.CompareOrdinal(left.Node!.GetValue<string>(), right.Node!.GetValue<string>());
                else throw new JsonataException($"T2010: The expressions either side of operator \"{op}\" must evaluate to numeric or string values");
                return JsonataValue.Of(JsonValue.Create(op switch { "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 }));
        }
        if (!left.Defined || !right.Defined) return JsonataValue.Undefined;
        var a = NumberOf(left, op, "left");
        var b = NumberOf(right, op, "right");
        return JsonataValue.Of(Number(op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            _ => a % b,
        }));
    }

    private static double NumberOf(JsonataValue value, string op, string side = "left")
    {
        if (JsonKit.IsNumber(value.Node)) return JsonKit.AsDouble(value.Node);
        throw new JsonataException($"T2001: The {side} side of the \"{op}\" operator must evaluate to a number");
    }

    public static JsonNode Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);

    public static bool Truthy(JsonataValue value)
    {
        if (!value.Defined) return false;
        return value.Node switch
        {
            null => false,
            JsonArray array => array.Any(x => Truthy(JsonataValue.Of(x))),
            JsonObject obj => obj.Count > 0,
            JsonValue v => JsonKit.Kind(v) switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => JsonKit.AsDouble(v) != 0,
                JsonValueKind.String => v.GetValue<string>().Length > 0,
                _ => false,
            },
            _ => false,
        };
    }

    internal static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
