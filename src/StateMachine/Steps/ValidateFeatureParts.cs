using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>ValidateFeatureParts</c> (WORKFLOW.md step 4): a Distributed Map whose ItemReader lists the run's feature table
/// parts (<c>s3:listObjectsV2</c> under <c>features/&lt;p&gt;/run=&lt;runId&gt;/table/</c>) and runs the ValidatePart
/// Lambda on each in an Express child workflow, so validation scales with the number of parts the feature job writes
/// instead of with one Lambda's memory and 15 minutes. Each part's mergeable result goes to S3; the map's output, a
/// small reference per part at <c>$.validationParts</c>, is what <c>ValidateFeatures</c> merges. The feature job writes
/// the parts range-partitioned by the entity key, so a key's rows (and its duplicates) are all in one part and
/// uniqueness stays exact. A CustomState: CDK 2.160's DistributedMap cannot take a Prefix computed from the run id.
/// </summary>
internal static class ValidateFeatureParts
{
    public const string StateName = "ValidateFeatureParts";
    public const string ResultPath = "$.validationParts";
    public const int MaxConcurrency = 40;

    public static CustomState Create(Construct scope, TrainingWorkflowProps props)
    {
        var pipeline = props.Spec.Name;
        return new CustomState(scope, StateName, new CustomStateProps
        {
            StateJson = new Dictionary<string, object>
            {
                ["Type"] = "Map",
                ["ItemReader"] = new Dictionary<string, object>
                {
                    ["Resource"] = $"arn:{Aws.PARTITION}:states:::s3:listObjectsV2",
                    ["Parameters"] = new Dictionary<string, object>
                    {
                        ["Bucket"] = props.Bucket.BucketName,
                        ["Prefix.$"] = $"States.Format('{BucketLayout.RunFeatures(pipeline, "{}")}table/', $.runId)",
                    },
                },
                ["ItemSelector"] = new Dictionary<string, object>
                {
                    ["pipeline"] = pipeline,
                    ["runId.$"] = "$.runId",
                    ["bucket"] = props.Bucket.BucketName,
                    ["key.$"] = "$$.Map.Item.Value.Key",
                    ["size.$"] = "$$.Map.Item.Value.Size",
                },
                ["ItemProcessor"] = new Dictionary<string, object>
                {
                    ["ProcessorConfig"] = new Dictionary<string, object> { ["Mode"] = "DISTRIBUTED", ["ExecutionType"] = "EXPRESS" },
                    ["StartAt"] = "ValidatePart",
                    ["States"] = new Dictionary<string, object>
                    {
                        ["ValidatePart"] = new Dictionary<string, object>
                        {
                            ["Type"] = "Task",
                            ["Resource"] = props.ValidatePartFunction.FunctionArn,
                            ["Retry"] = new object[] { ServiceRetries.Json(ServiceRetries.Lambda) },
                            ["End"] = true,
                        },
                    },
                },
                ["MaxConcurrency"] = MaxConcurrency,
                ["ToleratedFailurePercentage"] = 0,
                ["ResultPath"] = ResultPath,
            },
        });
    }

    /// <summary>
    /// What the map needs (AWS: step-functions/latest/dg/iam-policies-eg-dist-map.html): list the run's parts, invoke
    /// ValidatePart, and start, describe and stop its own child executions (by name, to avoid a cycle through the ARN).
    /// </summary>
    public static IEnumerable<PolicyStatement> PolicyStatements(Construct scope, TrainingWorkflowProps props, string stateMachineName)
    {
        var stack = Stack.Of(scope);
        yield return new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListFeatureParts",
            Actions = ["s3:ListBucket"],
            Resources = [props.Bucket.BucketArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = BucketLayout.PipelineFeatures(props.Spec.Name) + "*" },
            },
        });
        yield return new PolicyStatement(new PolicyStatementProps
        {
            Sid = "InvokeValidatePart",
            Actions = ["lambda:InvokeFunction"],
            Resources = [props.ValidatePartFunction.FunctionArn],
        });
        yield return new PolicyStatement(new PolicyStatementProps
        {
            Sid = "RunValidationMap",
            Actions = ["states:StartExecution"],
            Resources = [stack.FormatArn(new ArnComponents { Service = "states", Resource = "stateMachine", ResourceName = stateMachineName, ArnFormat = ArnFormat.COLON_RESOURCE_NAME })],
        });
        yield return new PolicyStatement(new PolicyStatementProps
        {
            Sid = "FollowValidationMap",
            Actions = ["states:DescribeExecution", "states:StopExecution"],
            Resources = [stack.FormatArn(new ArnComponents { Service = "states", Resource = "execution", ResourceName = stateMachineName + "/*", ArnFormat = ArnFormat.COLON_RESOURCE_NAME })],
        });
    }
}
