using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The least-privilege statements every role of the stack is built from, written once so the workflows, the task
/// Lambdas, the Glue job and the SageMaker role grant the stack key and the bucket listing the same way.
/// </summary>
public static class StackGrants
{
    private static readonly string[] KeyActions = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"];

    /// <summary>Use of the stack's KMS key for the bucket, table, topics and logs it encrypts; <paramref name="extraActions"/> for roles that need more (SageMaker's CreateGrant).</summary>
    public static PolicyStatement KeyUse(IKey key, string? sid = "UseStackKey", params string[] extraActions) => new(new PolicyStatementProps
    {
        Sid = sid,
        Actions = [.. KeyActions, .. extraActions],
        Resources = [key.KeyArn],
    });

    /// <summary>Listing the bucket, limited by an <c>s3:prefix</c> condition to the prefixes the role works in.</summary>
    public static PolicyStatement ListPrefixes(IBucket bucket, string? sid, params string[] prefixes) => new(new PolicyStatementProps
    {
        Sid = sid,
        Actions = ["s3:ListBucket"],
        Resources = [bucket.BucketArn],
        Conditions = new Dictionary<string, object>
        {
            ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = prefixes },
        },
    });
}
