namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>The SageMaker built-in XGBoost training job.</summary>
public sealed record TrainingSpec
{
    /// <summary>Built-in XGBoost container version, e.g. <c>1.7-1</c>.</summary>
    public required string XgboostVersion { get; init; }
    public required string InstanceType { get; init; }
    public int InstanceCount { get; init; } = 1;
    public int VolumeSizeGb { get; init; } = 30;
    public required TimeSpan MaxRuntime { get; init; }
    public SpotSpec Spot { get; init; } = new(false, TimeSpan.Zero);
    /// <summary>XGBoost hyperparameters as SageMaker takes them (strings), validated against XGBoost's documented ranges.</summary>
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }
}

/// <summary>Managed spot training; <see cref="MaxWait"/> must be at least the max runtime.</summary>
public sealed record SpotSpec(bool Enabled, TimeSpan MaxWait);
