using TrainingOrchestration.LocalRuntime.SageMaker;

namespace TrainingOrchestration.LocalRuntime;

public sealed partial class LocalCloud
{
    /// <summary>The local SageMaker: training jobs publish their state-change events on this cloud's bus.</summary>
    public LocalSageMakerService SageMaker { get; private set; } = null!;

    partial void AddModelServices()
    {
        SageMaker = new LocalSageMakerService(Buckets.Root, evt => Bus.PutEventsAsync([evt]), Clock, new SageMakerLocalOptions(Options.Region, Options.AccountId), Metrics,
            Path.Combine(Path.GetFullPath(Options.Workspace), "sagemaker", "models"));
        Engine.Dispatcher.Add(new SageMakerServiceIntegration(SageMaker));
    }
}
