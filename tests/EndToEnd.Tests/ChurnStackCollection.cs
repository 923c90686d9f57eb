namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>The end-to-end tests share one synthesized template.</summary>
[CollectionDefinition(Name)]
public sealed class ChurnStackCollection : ICollectionFixture<ChurnStackFixture>
{
    public const string Name = "churn stack";
}
