namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>
/// The values CloudFormation's pseudo parameters take for a stack deployed locally. The defaults are the ones AWS's
/// own local tools use (account 123456789012 in us-east-1), so ARNs look exactly as they would in a real account.
/// </summary>
public sealed record StackEnvironment(string StackName, string Region = "us-east-1", string AccountId = "123456789012")
{
    /// <summary>Values for parameters that declare no Default (as <c>cdk deploy --parameters</c> gives them).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public string Partition => Region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";

    public string UrlSuffix => Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary>The stack's id as CloudFormation forms it (deterministic here so reruns give the same ARN).</summary>
    public string StackId => $"arn:{Partition}:cloudformation:{Region}:{AccountId}:stack/{StackName}/{DeterministicId.Guid(StackName)}";
}
