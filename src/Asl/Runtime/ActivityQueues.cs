using System.Threading.Channels;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>Scheduled activity tasks per activity ARN, handed to workers by GetActivityTask in order.</summary>
internal sealed class ActivityQueues
{
    private readonly Dictionary<string, Channel<(ActivityTask Task, Action<string?> OnStarted)>> _queues = new(StringComparer.Ordinal);

    public void Enqueue(string activityArn, ActivityTask task, Action<string?> onStarted) =>
        Queue(activityArn).Writer.TryWrite((task, onStarted));

    public async Task<ActivityTask> TakeAsync(string activityArn, string? workerName, CancellationToken cancellationToken)
    {
        var (task, onStarted) = await Queue(activityArn).Reader.ReadAsync(cancellationToken);
        onStarted(workerName);
        return task;
    }

    private Channel<(ActivityTask, Action<string?>)> Queue(string activityArn)
    {
        lock (_queues)
        {
            if (!_queues.TryGetValue(activityArn, out var queue)) _queues[activityArn] = queue = Channel.CreateUnbounded<(ActivityTask, Action<string?>)>();
            return queue;
        }
    }
}
