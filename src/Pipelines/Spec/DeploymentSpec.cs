namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// <c>deployment:</c> in pipeline.yaml: what happens to a promoted model. Absent or <c>none</c> (the default): nothing,
/// the champion is only recorded. Otherwise a SageMaker real-time endpoint named <see cref="EndpointName"/> is created
/// with the first promoted model and updated with each later one through a blue/green deployment
/// (<see href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DeploymentConfig.html">DeploymentConfig</see>):
/// traffic shifts as <see cref="TrafficRouting"/> says, and the deployment rolls back by itself when one of the alarms of
/// <see cref="AutoRollback"/> goes into ALARM during the shift or the baking period that follows it.
/// </summary>
public sealed record DeploymentSpec
{
    /// <summary>The endpoint, unique in the account and region (EndpointName: <c>[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}</c>).</summary>
    public required string EndpointName { get; init; }

    /// <summary>The production variant's instance type (<c>ml.m5.large</c>...).</summary>
    public required string InstanceType { get; init; }

    /// <summary>InitialInstanceCount of the one production variant (at least 1; at least 2 for CANARY and LINEAR).</summary>
    public required int InstanceCount { get; init; }

    public required TrafficRoutingSpec TrafficRouting { get; init; }

    /// <summary>BlueGreenUpdatePolicy.TerminationWaitInSeconds: how long the old fleet is kept after the shift (0 to 1 hour).</summary>
    public TimeSpan TerminationWait { get; init; } = TimeSpan.Zero;

    /// <summary>BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds (10 minutes to 8 hours); it also bounds the workflow's wait.</summary>
    public required TimeSpan MaxExecutionTimeout { get; init; }

    public required AutoRollbackSpec AutoRollback { get; init; }

    /// <summary>The one production variant's name; the rollback alarms watch it (dimension <c>VariantName</c>).</summary>
    public const string VariantName = "AllTraffic";
}

/// <summary>TrafficRoutingConfig.Type (API_TrafficRoutingConfig.html).</summary>
public enum TrafficRoutingType { AllAtOnce, Canary, Linear }

/// <summary>
/// How traffic moves to the new fleet: all at once, a canary of <see cref="SizePercent"/> % then the rest, or steps of
/// <see cref="SizePercent"/> %; <see cref="Wait"/> (WaitIntervalInSeconds, 0 to 1 hour) follows every step, the last one
/// being the baking period. Sizes are CapacitySize <c>CAPACITY_PERCENT</c>.
/// </summary>
public sealed record TrafficRoutingSpec(TrafficRoutingType Type, int? SizePercent, TimeSpan Wait)
{
    /// <summary>The API's spelling: <c>ALL_AT_ONCE</c>, <c>CANARY</c>, <c>LINEAR</c>.</summary>
    public string ApiType => Type switch
    {
        TrafficRoutingType.Canary => "CANARY",
        TrafficRoutingType.Linear => "LINEAR",
        _ => "ALL_AT_ONCE",
    };

    /// <summary>How many traffic steps the shift takes: 1, 2 (canary, rest) or ⌈100 / step⌉.</summary>
    public int Steps => Type switch
    {
        TrafficRoutingType.Canary => 2,
        TrafficRoutingType.Linear => (100 + SizePercent!.Value - 1) / SizePercent.Value,
        _ => 1,
    };

    public static TrafficRoutingType? Parse(string text) => text switch
    {
        "ALL_AT_ONCE" => TrafficRoutingType.AllAtOnce,
        "CANARY" => TrafficRoutingType.Canary,
        "LINEAR" => TrafficRoutingType.Linear,
        _ => null,
    };
}

/// <summary>
/// AutoRollbackConfig: the stack creates two alarms on the endpoint's variant (Invocation5XXErrors above
/// <see cref="Max5xxErrors"/> a minute, average ModelLatency above <see cref="MaxModelLatencyMs"/>) and the deployment
/// watches them plus <see cref="Alarms"/>, existing alarms named by the user; at most 10 in all.
/// </summary>
public sealed record AutoRollbackSpec(int Max5xxErrors, int MaxModelLatencyMs, IReadOnlyList<string> Alarms)
{
    /// <summary>AutoRollbackConfig.Alarms holds 1 to 10 alarms.</summary>
    public const int MaxAlarms = 10;

    /// <summary>The alarms the stack creates for the rollback.</summary>
    public const int StackAlarms = 2;
}
