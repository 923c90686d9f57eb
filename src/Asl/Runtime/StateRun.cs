using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Definition;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>One visit to a state: what <c>$$</c> shows and how runtime errors name the state.</summary>
internal sealed class StateRun(Frame frame, StateSpec state, DateTimeOffset enteredTime, long enteredEventId) : IPathRoots
{
    // One per state visit, so kept small: the entry time as UTC ticks, the event id (at most 25,000) as an int.
    private readonly long _enteredTicks = enteredTime.UtcTicks;
    private readonly int _enteredEventId = (int)enteredEventId;

    VariableScope IPathRoots.Variables => frame.Variables;

    public Frame Frame => frame;
    public StateSpec State => state;
    public ExecutionRecord Execution => frame.Execution;
    public int RetryCount { get; set; }
    public string? TaskToken { get; set; }

    /// <summary>The state input's JSON text (its StateEntered event), which describes the input until ResultPath writes into it.</summary>
    public string? InputText { get; init; }

    /// <summary>The input is the object the previous state's ResultPath built in this frame, referred to by nothing else.</summary>
    public bool InputOwned { get; init; }

    /// <summary>ResultPath wrote into the input (so the input's text no longer describes it).</summary>
    public bool InputModified { get; set; }

    /// <summary>The object ResultPath returned, which the next state may write into if it is this state's output.</summary>
    public JsonNode? OwnedRoot { get; set; }

    /// <summary>The execution's clock, for JSONata's <c>$now()</c> and <c>$millis()</c>.</summary>
    public IClock? Clock { get; init; }

    /// <summary>Assign results waiting for the state to finish (made on the first Assign; most states have none).</summary>
    public List<JsonObject> PendingAssignments => _pending ??= [];

    public bool HasPendingAssignments => _pending is { Count: > 0 };

    private List<JsonObject>? _pending;

    /// <summary>Set while a Map evaluates ItemSelector for one item ($$.Map.Item).</summary>
    public (int Index, JsonNode? Value)? MapItem
    {
        get => _mapItem as Tuple<int, JsonNode?> is { } item ? (item.Item1, item.Item2) : null;
        set => _mapItem = value is { } item ? Tuple.Create(item.Index, item.Value) : null;
    }

    /// <summary>Boxed: only a Map state sets it, and a field of the tuple's size would grow every visit.</summary>
    private object? _mapItem;

    public string ErrorPrefix() =>
        $"An error occurred while executing the state '{state.Name}' (entered at the event id #{_enteredEventId}). ";

    /// <summary><see cref="ErrorPrefix"/> for the evaluators, which make it only on failure.</summary>
    public StatePrefix Prefix => new(this);

    /// <summary>The roots for <paramref name="input"/>.</summary>
    public ValueSource Source(JsonNode? input) => new(input, this);

    public JsonNode BuildContext()
    {
        var exec = frame.Execution;
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = exec.Arn,
                ["Input"] = exec.Input?.DeepClone(),
                ["StartTime"] = Timestamps.Format(exec.StartDate),
                ["Name"] = exec.Name,
                ["RoleArn"] = exec.Machine.RoleArn,
                ["RedriveCount"] = exec.RedriveCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = exec.Machine.Arn,
                ["Name"] = exec.Machine.Name,
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Timestamps.Format(new DateTimeOffset(_enteredTicks, TimeSpan.Zero)),
                ["Name"] = state.Name,
            },
        };
        // AWS shows RetryCount only for the states that can retry.
        if (state.Type is "Task" or "Parallel" or "Map") context["State"]!["RetryCount"] = RetryCount;
        if (TaskToken is not null) context["Task"] = new JsonObject { ["Token"] = TaskToken };
        if (MapItem is { } item)
        {
            context["Map"] = new JsonObject
            {
                ["Item"] = new JsonObject { ["Index"] = item.Index, ["Value"] = item.Value?.DeepClone() },
            };
        }
        return context;
    }
}
