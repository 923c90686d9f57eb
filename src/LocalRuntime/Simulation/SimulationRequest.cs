using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>What <c>simulate</c> drives: one pipeline's stack for <see cref="Days"/> days of virtual time in an empty workspace.</summary>
public sealed record SimulationRequest
{
    public required PipelineSpec Pipeline { get; init; }
    public required string TemplatePath { get; init; }
    public required string Workspace { get; init; }
    public required int Days { get; init; }
    public int Seed { get; init; } = 1;

    /// <summary>Where the virtual clock starts; a Monday at midnight UTC so the first week has its weekdays and weekend.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public string? PipelinesRoot { get; init; }

    /// <summary>Longest real time one delivery may take to settle (a training run included).</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
