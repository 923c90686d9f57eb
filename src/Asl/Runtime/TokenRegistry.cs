using System.Security.Cryptography;

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
