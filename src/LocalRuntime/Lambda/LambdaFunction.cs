namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>A function from the template: its name and ARN, its .NET handler string and its environment variables.</summary>
public sealed record LambdaFunction(string Name, string Arn, string Handler, IReadOnlyDictionary<string, string> Environment, int TimeoutSeconds = 3);
