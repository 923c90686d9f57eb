using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Newtonsoft.Json.Linq;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// A Task state with <c>"QueryLanguage": "JSONata"</c> inside the JSONPath workflow. CDK 2.160 has no JSONata
/// states, so this is a <see cref="CustomState"/>; its catchers are added with <see cref="Catch"/>, which keeps them
/// in CDK's state graph (the handler states are rendered) and gives each one the JSONata <c>Output</c> that replaces
/// JSONPath's <c>ResultPath</c> (a JSONata catcher without Output would pass on only <c>$states.errorOutput</c>).
/// </summary>
public sealed class JsonataTaskState : CustomState
{
    private readonly Dictionary<string, string> _catchOutputs = new(StringComparer.Ordinal);

    public JsonataTaskState(Construct scope, string id, IDictionary<string, object> stateJson)
        : base(scope, id, new CustomStateProps { StateJson = WithQueryLanguage(stateJson) })
    {
    }

    /// <summary>Catches <paramref name="errors"/> into <paramref name="handler"/> with the state's output set to <paramref name="output"/>.</summary>
    public JsonataTaskState Catch(IChainable handler, string[] errors, string output)
    {
        // Without ResultPath CDK renders the catcher as ErrorEquals and Next only; Output is added when rendering.
        var next = handler.StartState.StateId;
        if (_catchOutputs.TryGetValue(next, out var existing) && existing != output)
            throw new ArgumentException($"{StateId}: catchers into '{next}' must share one Output ('{existing}'), not also '{output}'.", nameof(output));
        AddCatch(handler, new CatchProps { Errors = errors });
        _catchOutputs[next] = output;
        return this;
    }

    public override JObject ToStateJson()
    {
        var json = base.ToStateJson();
        if (json["Catch"] is JArray catches)
        {
            foreach (var catcher in catches.OfType<JObject>())
            {
                catcher.Remove("ResultPath");
                if (catcher["Next"]?.Value<string>() is { } next && _catchOutputs.TryGetValue(next, out var output)) catcher["Output"] = output;
            }
        }
        return json;
    }

    private static Dictionary<string, object> WithQueryLanguage(IDictionary<string, object> stateJson) =>
        new(stateJson, StringComparer.Ordinal) { ["QueryLanguage"] = "JSONata" };
}
