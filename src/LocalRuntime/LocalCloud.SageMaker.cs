using TrainingOrchestration.LocalRuntime.SageMaker;

namespace TrainingOrchestration.LocalRuntime;

public sealed partial class LocalCloud
{
    /// <summary>The local SageMaker: training jobs publish their state-change events on this cloud's bus; the stacks' model package groups exist in its registry.</summary>
    public LocalSageMakerService SageMaker { get; private set; } = null!;

    partial void AddModelServices()
    {
        SageMaker = new LocalSageMakerService(Buckets.Root, evt => Bus.PutEventsAsync([evt]), Clock, new SageMakerLocalOptions(Options.Region, Options.AccountId), Metrics,
            Path.Combine(Path.GetFullPath(Options.Workspace), "sagemaker", "models"));
        foreach (var group in Stacks.SelectMany(s => s.OfType("AWS::SageMaker::ModelPackageGroup"))) SageMaker.ModelPackages.EnsureGroup(group.Name);
        Engine.Dispatcher.Add(new SageMakerServiceIntegration(SageMaker));
    }
}
