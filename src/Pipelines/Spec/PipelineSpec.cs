namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// One onboarded table: everything the stack, the Lambdas and the local runtime need to know about it.
/// Loaded from <c>pipelines/&lt;name&gt;/pipeline.yaml</c> by <see cref="PipelineSpecLoader"/>; paths are resolved
/// against the pipeline folder so the rest of the code never touches relative paths.
/// </summary>
public sealed record PipelineSpec
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required PipelineTier Tier { get; init; }
    public required SourceSpec Source { get; init; }
    public required CadenceSpec Cadence { get; init; }
    public required FeaturesSpec Features { get; init; }
    /// <summary>Absolute path of the contract YAML.</summary>
    public required string ContractFile { get; init; }
    /// <summary>
    /// The contract YAML's text, read at load time so it travels inside <c>PIPELINE_CONFIG</c> to the validation
    /// Lambda, which has no pipeline folder.
    /// </summary>
    public string ContractYaml { get; init; } = "";
    public required TrainingSpec Training { get; init; }
    public required EvaluationSpec Evaluation { get; init; }
    public NotificationsSpec Notifications { get; init; } = new();
    /// <summary>The endpoint a promoted model is deployed to; null for <c>deployment: none</c> (the default).</summary>
    public DeploymentSpec? Deployment { get; init; }
    /// <summary>Absolute path of the pipeline folder.</summary>
    public required string Directory { get; init; }
    /// <summary>Absolute path of the bundled sample of the source table (CSV with header), if any.</summary>
    public string? SampleDataFile { get; init; }
    /// <summary>Absolute path of the bundled sample CDC event, if any.</summary>
    public string? SampleEventFile { get; init; }
    /// <summary>
    /// Absolute path of the bundled change file, if any: change records in the source's native shape (JSON Lines of
    /// DynamoDB stream records or Debezium messages; a DMS CSV file for s3-files) that <c>run</c> replays through the ingress.
    /// </summary>
    public string? SampleChangesFile { get; init; }
}

public enum PipelineTier { Critical, Exploratory }
