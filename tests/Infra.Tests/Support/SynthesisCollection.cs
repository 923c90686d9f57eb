namespace TrainingOrchestration.Infra.Tests.Support;

/// <summary>All template tests share one synthesis.</summary>
[CollectionDefinition(Name)]
public sealed class SynthesisCollection : ICollectionFixture<SynthesizedPipelines>
{
    public const string Name = "synthesized pipelines";
}
