using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>A task waiting on its token, with its heartbeat timer.</summary>
internal sealed class TokenWaiter(string token, ExecutionRecord execution, WakeSignal<TaskOutcome> signal, ClockDriver clock)
{
    private readonly object _gate = new();
    private IDisposable? _heartbeatTimer;
    private TimeSpan? _heartbeat;

    public string Token => token;
    public ExecutionRecord Execution => execution;
    public WakeSignal<TaskOutcome> Signal => signal;

    public void StartHeartbeat(TimeSpan interval)
    {
        lock (_gate) { _heartbeat = interval; }
        Beat();
    }

    /// <summary>Restarts the heartbeat countdown (SendTaskHeartbeat).</summary>
    public void Beat()
    {
        lock (_gate)
        {
            _heartbeatTimer?.Dispose();
            if (_heartbeat is not { } interval) return;
            _heartbeatTimer = clock.Schedule(clock.Now + interval,
                () => signal.TryWake(new TaskOutcome(TaskOutcomeKind.HeartbeatTimedOut, Error: ErrorNames.HeartbeatTimeout)));
        }
    }

    public void StopHeartbeat()
    {
        lock (_gate)
        {
            _heartbeat = null;
            _heartbeatTimer?.Dispose();
        }
    }

    public static JsonNode? ParseOutput(string output)
    {
        try
        {
            return Json.JsonKit.Parse(output);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new StepFunctionsApiException("InvalidOutput", $"Invalid Output: {e.Message}");
        }
    }
}
