namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>A Handler string that does not name a callable handler (Lambda reports this as Runtime.HandlerNotFound... at init).</summary>
public sealed class LambdaHandlerException(string handler, string problem) : Exception($"Handler '{handler}': {problem}.")
{
    public string Handler { get; } = handler;
}
