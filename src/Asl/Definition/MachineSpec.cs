namespace TrainingOrchestration.Asl.Definition;

/// <summary>A validated state machine (or Parallel branch, or Map item processor).</summary>
internal sealed record MachineSpec(string StartAt, IReadOnlyDictionary<string, StateSpec> States, string QueryLanguage, double? TimeoutSeconds)
{
    public StateSpec this[string name] => States[name];
}
