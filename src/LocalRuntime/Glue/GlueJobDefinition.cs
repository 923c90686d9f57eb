namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// The parts of an <c>AWS::Glue::Job</c> the local stand-in needs: its name, default arguments (overlaid by each
/// run's arguments, as Glue does) and the capacity figures Glue reports back in a JobRun.
/// </summary>
public sealed record GlueJobDefinition(
    string Name,
    IReadOnlyDictionary<string, string> DefaultArguments,
    string GlueVersion = "4.0",
    string WorkerType = "G.1X",
    int NumberOfWorkers = 2,
    int TimeoutMinutes = 2880);
