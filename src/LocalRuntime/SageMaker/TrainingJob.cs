using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// A local training job: the CreateTrainingJob request as sent, and its lifecycle (status, secondary status
/// transitions, failure reason, artifact, final metrics). Mutated only by <see cref="LocalSageMakerService"/>.
/// </summary>
public sealed class TrainingJob(string name, string arn, JsonObject request, DateTimeOffset createdAt)
{
    private readonly object _gate = new();
    private readonly List<SecondaryStatusTransition> _transitions = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;
    public string Arn { get; } = arn;
    public JsonObject Request { get; } = request;
    public DateTimeOffset CreationTime { get; } = createdAt;
    public string Status { get; private set; } = "InProgress";
    public string SecondaryStatus { get; private set; } = "Starting";
    public string? FailureReason { get; private set; }
    public DateTimeOffset? TrainingStartTime { get; private set; }
    public DateTimeOffset? TrainingEndTime { get; private set; }
    public DateTimeOffset LastModifiedTime { get; private set; } = createdAt;
    public string? ModelArtifact { get; private set; }
    public IReadOnlyDictionary<string, double> FinalMetrics { get; private set; } = new Dictionary<string, double>();
    /// <summary>The libxgboost version that trained the model (<c>XGBoostVersion</c>); null until training completes.</summary>
    public string? LibraryVersion { get; private set; }
    internal CancellationTokenSource StopRequested { get; } = new();

    public bool IsTerminal => Status is "Completed" or "Failed" or "Stopped";

    /// <summary>Completes when the job reaches a terminal status and its state-change event has been published.</summary>
    public Task Finished => _finished.Task;

    public IReadOnlyList<SecondaryStatusTransition> Transitions
    {
        get { lock (_gate) { return _transitions.ToList(); } }
    }

    internal void Enter(string secondaryStatus, string message, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_transitions.Count > 0) _transitions[^1] = _transitions[^1] with { EndTime = at };
            _transitions.Add(new SecondaryStatusTransition(secondaryStatus, at, null, message));
            SecondaryStatus = secondaryStatus;
            LastModifiedTime = at;
            if (secondaryStatus == "Training") TrainingStartTime ??= at;
        }
    }

    internal void Finish(string status, string secondaryStatus, string message, DateTimeOffset at, string? failureReason = null,
        string? artifact = null, IReadOnlyDictionary<string, double>? metrics = null, string? trainer = null)
    {
        lock (_gate)
        {
            Enter(secondaryStatus, message, at);
            _transitions[^1] = _transitions[^1] with { EndTime = at };
            Status = status;
            FailureReason = failureReason;
            TrainingStartTime ??= at;
            TrainingEndTime = at;
            ModelArtifact = artifact;
            FinalMetrics = metrics ?? FinalMetrics;
            LibraryVersion = trainer ?? LibraryVersion;
        }
    }

    internal void MarkPublished() => _finished.TrySetResult();
}
