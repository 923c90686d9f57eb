namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>
/// A function from the template: its name and ARN, its .NET handler string, its environment variables, its timeout,
/// its memory (MB, for GB-seconds) and its log format (<c>LoggingConfig.LogFormat</c>: <c>Text</c> unless <c>JSON</c>).
/// </summary>
public sealed record LambdaFunction(string Name, string Arn, string Handler, IReadOnlyDictionary<string, string> Environment, int TimeoutSeconds = 3)
{
    public int MemorySizeMb { get; init; } = 128;
    public string LogFormat { get; init; } = "Text";
}
