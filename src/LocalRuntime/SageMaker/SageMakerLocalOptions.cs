namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>Where the local SageMaker pretends to run: the account and region that go into ARNs and events.</summary>
public sealed record SageMakerLocalOptions(string Region = "us-east-1", string Account = "123456789012")
{
    public string Arn(string resourceType, string name) => $"arn:aws:sagemaker:{Region}:{Account}:{resourceType}/{name.ToLowerInvariant()}";
}
