using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.Tests.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>A workspace with the churn features of run <c>r1</c> built, a local SageMaker on a virtual clock, and the events it published.</summary>
public sealed class SageMakerFixture : IDisposable
{
    public SageMakerFixture()
    {
        Workspace = new FeatureWorkspace().WithChurnSample();
        Workspace.Run("r1");
        Clock = new VirtualClock(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero));
        Service = new LocalSageMakerService(Workspace.S3Root, e => { Events.Enqueue(e); return Task.CompletedTask; }, Clock);
    }

    public FeatureWorkspace Workspace { get; }
    public VirtualClock Clock { get; }
    public LocalSageMakerService Service { get; }
    public ConcurrentQueue<JsonNode> Events { get; } = new();

    public async Task<TrainingJob> TrainAsync(JsonObject request)
    {
        Service.CreateTrainingJob(request);
        var job = Service.DescribeTrainingJob(request["TrainingJobName"]!.GetValue<string>());
        await job.Finished.WaitAsync(TimeSpan.FromMinutes(2));
        return job;
    }

    public string Local(string s3Uri) => LocalRuntime.Glue.S3Location.Parse(s3Uri).ToLocalPath(Workspace.S3Root);

    public void Dispose() => Workspace.Dispose();
}
