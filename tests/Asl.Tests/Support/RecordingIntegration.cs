using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests.Support;

/// <summary>A test integration: records each call (virtual time, parameters, token) and answers with a function.</summary>
internal sealed class RecordingIntegration(string resourcePrefix, Func<TaskRequest, int, Task<JsonNode?>> answer) : IServiceIntegration
{
    private int _calls;

    public List<(DateTimeOffset At, JsonNode? Parameters, string? Token)> Calls { get; } = [];

    public int Calls_In_Flight;
    public int MaxInFlight;

    public bool CanHandle(string resource) => resource.StartsWith(resourcePrefix, StringComparison.Ordinal);

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        int call;
        lock (Calls)
        {
            call = _calls++;
            Calls.Add((request.Context.Clock.UtcNow, request.Parameters?.DeepClone(), request.TaskToken));
        }
        var inFlight = Interlocked.Increment(ref Calls_In_Flight);
        lock (Calls) { MaxInFlight = Math.Max(MaxInFlight, inFlight); }
        try
        {
            return await answer(request, call);
        }
        finally
        {
            Interlocked.Decrement(ref Calls_In_Flight);
        }
    }

    public static RecordingIntegration Failing(string prefix, int failures, string error = "Service.Busy") =>
        new(prefix, (_, call) => call < failures
            ? throw new TaskFailedException(error, $"call {call} failed")
            : Task.FromResult<JsonNode?>(new JsonObject { ["call"] = call }));
}
