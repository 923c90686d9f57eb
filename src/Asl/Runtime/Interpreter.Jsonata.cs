using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Definition;
using TrainingOrchestration.Asl.Jsonata;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// States whose QueryLanguage is JSONata: no paths; Arguments, Output, Assign, Items and ItemSelector are
/// templates whose <c>{% %}</c> strings see <c>$states.input</c>, <c>$states.result</c>,
/// <c>$states.errorOutput</c>, <c>$states.context</c> and the workflow variables.
/// </summary>
internal sealed partial class Interpreter
{
    internal static JsonataEvaluator JsonataFor(StateRun run, JsonNode? input, JsonNode? result = null, bool hasResult = false,
        JsonNode? errorOutput = null, bool hasErrorOutput = false)
    {
        JsonObject? states = null;
        return new JsonataEvaluator(name =>
        {
            if (name == "states")
            {
                states ??= BuildStates(run, input, result, hasResult, errorOutput, hasErrorOutput);
                return JsonataValue.Of(states);
            }
            return run.Frame.Variables.TryGet(name, out var value) ? JsonataValue.Of(value) : JsonataValue.Undefined;
        }, run.Clock is { } clock ? () => clock.UtcNow : null);
    }

    private static JsonObject BuildStates(StateRun run, JsonNode? input, JsonNode? result, bool hasResult, JsonNode? errorOutput, bool hasErrorOutput)
    {
        var states = new JsonObject { ["input"] = JsonKit.Clone(input), ["context"] = run.BuildContext() };
        if (hasResult) states["result"] = JsonKit.Clone(result);
        if (hasErrorOutput) states["errorOutput"] = JsonKit.Clone(errorOutput);
        return states;
    }

    private static JsonNode? JsonataField(StateRun run, JsonNode? template, JsonataEvaluator evaluator, string field) =>
        JsonataTemplate.Evaluate(template, evaluator, field, run.Prefix);

    private static void JsonataAssign(StateRun run, JsonNode? assign, JsonataEvaluator evaluator)
    {
        if (assign is not JsonObject) return;
        run.PendingAssignments.Add((JsonObject)JsonataField(run, assign, evaluator, "Assign")!);
    }

    /// <summary>Assign, then Output (or <paramref name="fallback"/>), both against the same $states.</summary>
    private static JsonNode? JsonataFinish(StateRun run, JsonataEvaluator evaluator, JsonNode? fallback)
    {
        JsonataAssign(run, run.State.Assign, evaluator);
        return run.State.HasOutput ? JsonataField(run, run.State.Output, evaluator, "Output") : fallback;
    }

    private (string?, JsonNode?) RunJsonataPass(StateRun run, JsonNode? input) =>
        (run.State.Next, JsonataFinish(run, JsonataFor(run, input), input));

    private (string?, JsonNode?) RunJsonataChoice(StateRun run, JsonNode? input)
    {
        var state = run.State;
        var evaluator = JsonataFor(run, input);
        foreach (var branch in state.Choices)
        {
            var condition = JsonKit.Parse(branch.Condition!);
            var value = JsonataTemplate.IsExpression(condition, out var expression)
                ? JsonataTemplate.EvaluateExpression(expression, evaluator, "Condition", run.Prefix)
                : JsonataValue.Of(condition);
            if (JsonKit.Kind(value.Node) is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                throw new AslErrorException(ErrorNames.QueryEvaluationError,
                    $"{run.ErrorPrefix()}The Condition field of a choice rule must evaluate to a boolean, but was: {(value.Defined ? JsonKit.Serialize(value.Node) : "undefined")}");
            if (!JsonataEvaluator.Truthy(value)) continue;
            JsonataAssign(run, branch.Assign, evaluator);
            var output = branch.HasOutput ? JsonataField(run, branch.Output, evaluator, "Output") : JsonataFinish(run, evaluator, input);
            return (branch.Next, output);
        }
        if (state.Default is null) throw new AslErrorException(ErrorNames.NoChoiceMatched, $"{run.ErrorPrefix()}No Matches!");
        return (state.Default, JsonataFinish(run, evaluator, input));
    }

    private async Task<(string?, JsonNode?)> RunJsonataWaitAsync(StateRun run, JsonNode? input)
    {
        var state = run.State;
        var evaluator = JsonataFor(run, input);
        DateTimeOffset due;
        if (state.Raw.ContainsKey("Seconds"))
        {
            var seconds = JsonataField(run, state.Raw["Seconds"], evaluator, "Seconds");
            if (!JsonKit.IsNumber(seconds) || !JsonKit.IsIntegerLiteral(seconds) || JsonKit.AsDouble(seconds) < 0)
                throw new AslErrorException(ErrorNames.QueryEvaluationError,
                    $"{run.ErrorPrefix()}The Seconds field must evaluate to a non-negative integer, but was: {JsonKit.Serialize(seconds)}");
            due = Timestamps.After(clock.Now, JsonKit.AsDouble(seconds));
        }
        else
        {
            var timestamp = JsonataField(run, state.Raw["Timestamp"], evaluator, "Timestamp");
            if (JsonKit.AsString(timestamp) is not { } text || !Timestamps.TryParse(text, out due))
                throw new AslErrorException(ErrorNames.QueryEvaluationError,
                    $"{run.ErrorPrefix()}The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {JsonKit.AsString(timestamp) ?? JsonKit.Serialize(timestamp)}");
        }
        if (due > clock.Now) await SleepAsync(run.Frame, due);
        return (state.Next, JsonataFinish(run, evaluator, input));
    }

    private static AslErrorException RunJsonataFail(StateRun run, JsonNode? input)
    {
        var evaluator = JsonataFor(run, input);
        string? Field(string name)
        {
            if (run.State.Raw[name] is not { } template) return null;
            var value = JsonataField(run, template, evaluator, name);
            return JsonKit.AsString(value) ?? throw new AslErrorException(ErrorNames.QueryEvaluationError,
                $"{run.ErrorPrefix()}The {name} field must evaluate to a string, but was: {JsonKit.Serialize(value)}");
        }
        return new AslErrorException(Field("Error"), Field("Cause"));
    }

    /// <summary>A JSONata number field (MaxConcurrency, TimeoutSeconds...) given as a number or an expression.</summary>
    private static int? JsonataInteger(StateRun run, JsonNode? template, JsonataEvaluator evaluator, string field)
    {
        if (template is null) return null;
        var value = JsonataField(run, template, evaluator, field);
        if (JsonKit.IsNumber(value) && JsonKit.IsIntegerLiteral(value)) return (int)JsonKit.AsDouble(value);
        throw new AslErrorException(ErrorNames.QueryEvaluationError,
            $"{run.ErrorPrefix()}The {field} field must evaluate to an integer, but was: {JsonKit.Serialize(value)}");
    }
}
