using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// Task tokens of waiting tasks. A token answered after its task finished (or timed out) is reported as
/// <c>TaskTimedOut</c>; a token the engine never issued as <c>InvalidToken</c>, as the real API does.
/// </summary>
internal sealed class TokenRegistry(ClockDriver clock)
{
    private readonly Dictionary<string, TokenWaiter> _waiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);

    public TokenWaiter Issue(ExecutionRecord execution)
    {
        var token = "AQ" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('/', '_').Replace('+', '-');
        var waiter = new TokenWaiter(token, execution, new WakeSignal<TaskOutcome>(clock), clock);
        lock (_waiting) { _waiting[token] = waiter; }
        return waiter;
    }

    public void Finish(TokenWaiter waiter)
    {
        waiter.StopHeartbeat();
        lock (_waiting)
        {
            _waiting.Remove(waiter.Token);
            _finished.Add(waiter.Token);
        }
    }

    public TokenWaiter Find(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
            throw new StepFunctionsApiException("InvalidToken", "Invalid token");
        lock (_waiting)
        {
            if (_waiting.TryGetValue(token, out var waiter)) return waiter;
            if (_finished.Contains(token)) throw new StepFunctionsApiException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        throw new StepFunctionsApiException("InvalidToken", "Invalid token");
    }

    public bool Complete(string token, TaskOutcome outcome)
    {
        var waiter = Find(token);
        if (!waiter.Signal.TryWake(outcome))
            throw new StepFunctionsApiException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        return true;
    }
}

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
