using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.Faults;

/// <summary>
/// The faults pending in a local cloud. Registered as the first integration the engine asks: while a fault is pending
/// for a Task's integration, the call fails with the error name and cause Step Functions reports for that service
/// (<see cref="AwsErrorNames"/>), before the stand-in is reached; afterwards the stand-in answers as usual.
/// </summary>
public sealed class ServiceFaults : IServiceIntegration
{
    private readonly List<ServiceFault> _pending = [];
    private readonly object _gate = new();

    /// <summary>Every fault raised so far, in order (error name and the Resource it failed), for tests and reports.</summary>
    public List<(string Resource, string Error)> Raised { get; } = [];

    /// <summary>The integration that answers when the pending faults of an integration are all for other states.</summary>
    public Func<string, IServiceIntegration?>? Next { get; set; }

    /// <summary>Drops every pending fault (an operator fixed the cause before a redrive).</summary>
    public void Clear()
    {
        lock (_gate) { _pending.Clear(); }
    }

    public void Inject(ServiceFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1, nameof(fault));
        lock (_gate) { _pending.Add(fault); }
    }

    public bool CanHandle(string resource)
    {
        var integration = ServiceFault.IntegrationOf(resource);
        lock (_gate) { return _pending.Any(f => f.Integration == integration); }
    }

    public Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        ServiceFault? fault = null;
        var integration = ServiceFault.IntegrationOf(request.Resource);
        lock (_gate)
        {
            var index = _pending.FindIndex(f => f.Integration == integration && (f.State is null || f.State == request.Context.StateName));
            if (index >= 0)
            {
                fault = _pending[index];
                if (fault.Times == 1) _pending.RemoveAt(index);
                else _pending[index] = fault with { Times = fault.Times - 1 };
            }
        }

        if (fault is null)
        {
            // The pending faults of this integration are for other states: the stand-in answers this one.
            var next = Next?.Invoke(request.Resource) ?? throw new InvalidOperationException($"No fault pending for {integration} in state {request.Context.StateName}.");
            return next.InvokeAsync(request, cancellationToken);
        }

        var error = AwsErrorNames.For(integration, fault.Code, fault.Message, fault.StatusCode);
        lock (_gate) { Raised.Add((request.Resource, error.Error)); }
        throw error;
    }
}
