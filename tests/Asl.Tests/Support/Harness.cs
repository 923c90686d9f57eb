using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Support;

/// <summary>An engine on a virtual clock plus helpers to run one definition to completion.</summary>
internal sealed class Harness
{
    public Harness(VirtualClock? clock = null)
    {
        Clock = clock ?? new VirtualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Engine = new StepFunctionsEngine(Clock);
    }

    public VirtualClock Clock { get; }
    public StepFunctionsEngine Engine { get; }
    public DateTimeOffset T0 { get; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Harness With(IServiceIntegration integration)
    {
        Engine.Dispatcher.Add(integration);
        return this;
    }

    public string Create(string definition, string name = "Machine") => Engine.CreateStateMachine(name, definition);

    public string Start(string definition, string input = "{}", ExecutionOptions? options = null, string name = "Machine") =>
        Engine.StartExecution(Create(definition, name), null, input, options).ExecutionArn;

    public async Task<ExecutionDescription> RunAsync(string definition, string input = "{}", ExecutionOptions? options = null, string name = "Machine")
    {
        var arn = Start(definition, input, options, name);
        return await Engine.WaitForCompletionAsync(arn, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
    }

    public async Task<ExecutionDescription> WaitAsync(string executionArn) =>
        await Engine.WaitForCompletionAsync(executionArn, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

    public IReadOnlyList<string> EventTypes(string executionArn) => Engine.GetExecutionHistory(executionArn).Select(e => e.Type).ToList();

    public static JsonNode? Output(ExecutionDescription d) => JsonNode.Parse(d.Output ?? "null");
}
