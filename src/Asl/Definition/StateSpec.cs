using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Definition;

/// <summary>
/// One state of a validated definition. A single shape for all types keeps the interpreter a flat switch;
/// fields a type does not allow are rejected by <see cref="DefinitionParser"/> before this is built.
/// </summary>
internal sealed class StateSpec
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required JsonObject Raw { get; init; }
    public string QueryLanguage { get; init; } = "JSONPath";
    public bool IsJsonata => QueryLanguage == "JSONata";
    public JsonNode? Arguments { get; init; }
    public bool HasOutput { get; init; }
    public JsonNode? Output { get; init; }
    public JsonNode? Items { get; init; }
    public string? Next { get; init; }
    public bool End { get; init; }

    public bool HasInputPath { get; init; }
    public string? InputPath { get; init; }
    public bool HasOutputPath { get; init; }
    public string? OutputPath { get; init; }
    public bool HasResultPath { get; init; }
    public string? ResultPath { get; init; }
    public JsonNode? Parameters { get; init; }
    public JsonNode? ResultSelector { get; init; }
    public JsonNode? Assign { get; init; }
    public bool HasResult { get; init; }
    public JsonNode? Result { get; init; }
    public IReadOnlyList<RetrierSpec> Retry { get; init; } = [];
    public IReadOnlyList<CatcherSpec> Catch { get; init; } = [];

    public string? Resource { get; init; }

    /// <summary>The parsed <see cref="Resource"/>, kept here after the first visit (a cache lookup by the ARN text cost a hash per visit).</summary>
    internal Runtime.ParsedResource ParsedResource => _parsedResource ??= Runtime.ParsedResource.ParseCached(Resource!);

    private Runtime.ParsedResource? _parsedResource;
    public JsonNode? TimeoutSeconds { get; init; }
    public string? TimeoutSecondsPath { get; init; }
    public JsonNode? HeartbeatSeconds { get; init; }
    public string? HeartbeatSecondsPath { get; init; }

    public IReadOnlyList<ChoiceBranch> Choices { get; init; } = [];
    public string? Default { get; init; }

    public JsonNode? Seconds { get; init; }
    public string? SecondsPath { get; init; }
    public string? Timestamp { get; init; }
    public string? TimestampPath { get; init; }

    public string? Error { get; init; }
    public string? ErrorPath { get; init; }
    public string? Cause { get; init; }
    public string? CausePath { get; init; }

    public IReadOnlyList<MachineSpec> Branches { get; init; } = [];

    public MachineSpec? ItemProcessor { get; init; }
    public bool HasItemsPath { get; init; }
    public string? ItemsPath { get; init; }
    public JsonNode? ItemSelector { get; init; }
    public JsonNode? MaxConcurrency { get; init; }
    public string? MaxConcurrencyPath { get; init; }
    public JsonNode? ToleratedFailureCount { get; init; }
    public string? ToleratedFailureCountPath { get; init; }
    public JsonNode? ToleratedFailurePercentage { get; init; }
    public string? ToleratedFailurePercentagePath { get; init; }
    public JsonObject? ItemReader { get; init; }
    public JsonObject? ItemBatcher { get; init; }
    public JsonObject? ResultWriter { get; init; }
    public bool DistributedMap { get; init; }

    public bool IsTerminal => End || Type is "Succeed" or "Fail";

    /// <summary>The history event types of entering and leaving this state (<c>PassStateEntered</c>...), built once.</summary>
    public string EnteredEventType => _enteredEventType ??= Type + "StateEntered";

    public string ExitedEventType => _exitedEventType ??= Type + "StateExited";

    private string? _enteredEventType;
    private string? _exitedEventType;
}
