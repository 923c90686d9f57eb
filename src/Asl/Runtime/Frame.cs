using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Definition;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>One running machine: the execution's top level, a Parallel branch or a Map iteration.</summary>
internal sealed class Frame
{
    public required ExecutionRecord Execution { get; init; }
    public required MachineSpec Machine { get; init; }
    public required VariableScope Variables { get; init; }
    public required CancellationToken Cancellation { get; init; }

    /// <summary>Identifies this frame among the execution's children, for reusing results on redrive.</summary>
    public string Key { get; init; } = "";
    public bool TopLevel { get; init; }
    public int? MapItemIndex { get; init; }
    public JsonNode? MapItemValue { get; init; }

    /// <summary>The last state's output when its ResultPath built it (a copy or a reused input): the next state may write into it.</summary>
    public JsonNode? OwnedOutput { get; set; }

    /// <summary>The id of this frame's latest history event (each event points at its predecessor).</summary>
    public long PreviousEventId { get; set; }
}
