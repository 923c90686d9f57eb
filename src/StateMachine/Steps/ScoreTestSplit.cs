using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>ScoreTestSplit</c> (WORKFLOW.md step 9): a batch transform of the test split. CDK's
/// <c>SageMakerCreateTransformJob</c> has no <c>DataProcessing</c>, which is what drops the label going in
/// (<c>$[1:]</c>) and joins it back coming out (<see cref="OutputFilter"/>: label and prediction), so the state is written out here.
/// </summary>
internal static class ScoreTestSplit
{
    public static CustomState Create(Construct scope, TrainingWorkflowProps props)
    {
        var state = Transform(scope, "ScoreTestSplit", props, TrainModel.JobNamePath, PredictionsPrefixTemplate(props.Spec.Name), "$.scoring");
        return state;
    }

    /// <summary>
    /// A batch transform of the run's test split with the model (and job) named at <paramref name="jobNamePath"/>,
    /// writing <c>label,score</c> lines under <paramref name="outputPrefixTemplate"/> (one <c>{}</c> for the run id).
    /// <c>ScoreChampion</c> runs the same request with the champion's model, so both outputs pair line by line.
    /// </summary>
    public static CustomState Transform(Construct scope, string id, TrainingWorkflowProps props, string jobNamePath, string outputPrefixTemplate, string resultPath)
    {
        var bucket = props.Bucket.BucketName;
        var pipeline = props.Spec.Name;
        var state = new CustomState(scope, id, new CustomStateProps
        {
            StateJson = new Dictionary<string, object>
            {
                ["Type"] = "Task",
                ["Resource"] = $"arn:{Aws.PARTITION}:states:::sagemaker:createTransformJob.sync",
                ["Parameters"] = new Dictionary<string, object>
                {
                    ["TransformJobName.$"] = jobNamePath,
                    ["ModelName.$"] = jobNamePath,
                    ["TransformInput"] = new Dictionary<string, object>
                    {
                        ["DataSource"] = new Dictionary<string, object>
                        {
                            ["S3DataSource"] = new Dictionary<string, object>
                            {
                                ["S3DataType"] = "S3Prefix",
                                ["S3Uri.$"] = $"States.Format('s3://{bucket}/{BucketLayout.FeatureSplit(pipeline, "{}", "test")}', $.runId)",
                            },
                        },
                        ["ContentType"] = "text/csv",
                        ["SplitType"] = "Line",
                    },
                    ["TransformOutput"] = new Dictionary<string, object>
                    {
                        ["S3OutputPath.$"] = $"States.Format('s3://{bucket}/{outputPrefixTemplate}', $.runId)",
                        ["Accept"] = "text/csv",
                        ["AssembleWith"] = "Line",
                        ["KmsKeyId"] = props.Key.KeyArn,
                    },
                    ["TransformResources"] = TrainingJobRequest.TransformResources(props.Spec.Training, props.Key.KeyArn),
                    ["DataProcessing"] = new Dictionary<string, object>
                    {
                        ["InputFilter"] = "$[1:]",
                        ["JoinSource"] = "Input",
                        ["OutputFilter"] = OutputFilter(ProblemTypes.Of(props.Spec.Training)),
                    },
                    ["Tags"] = new object[]
                    {
                        new Dictionary<string, object> { ["Key"] = "pipeline", ["Value"] = pipeline },
                        new Dictionary<string, object> { ["Key"] = "tier", ["Value"] = props.Spec.Tier.ToString().ToLowerInvariant() },
                    },
                },
                ["ResultSelector"] = new Dictionary<string, object>
                {
                    ["TransformJobName.$"] = "$.TransformJobName",
                    ["TransformJobStatus.$"] = "$.TransformJobStatus",
                    ["S3OutputPath.$"] = "$.TransformOutput.S3OutputPath",
                },
                ["ResultPath"] = resultPath,
            },
        });
        state.AddRetry(ServiceRetries.For(ServiceRetries.SageMaker));
        return state;
    }

    /// <summary>
    /// What the transform keeps of the joined record (input, then the model's output): <c>$[0,-1]</c>, the label and the
    /// one value binary:logistic and regression objectives output. multi:softprob outputs a list, <c>[0.1, 0.2, 0.7]</c>
    /// (sagemaker-xgboost-container 1.7-1, algorithm_mode/handler_service.py: <c>"\n".join(map(str, prediction.tolist()))</c>
    /// in batch mode), which batch transform appends to the CSV record it treats as an array
    /// (https://docs.aws.amazon.com/sagemaker/latest/dg/batch-transform-data-processing.html); <c>$[-1]</c> of that record
    /// would be only the last class's probability if the list's commas split it, so the whole record is kept and
    /// <c>PredictionLine.Classes</c> reads the label first and the bracketed list last, which reads the same either way.
    /// </summary>
    public static string OutputFilter(ProblemType problem) => problem == ProblemType.Multiclass ? "$" : "$[0,-1]";

    /// <summary>Prefix of the predictions under the bucket, with one <c>{}</c> for the run id.</summary>
    public static string PredictionsPrefixTemplate(string pipeline) => BucketLayout.Predictions(pipeline, "{}");

    /// <summary>What the <c>.sync</c> transform integration needs: the job itself and the managed rule it polls with.</summary>
    public static IEnumerable<PolicyStatement> PolicyStatements(Construct scope, string pipeline)
    {
        var stack = Stack.Of(scope);
        yield return new PolicyStatement(new PolicyStatementProps
        {
            Sid = "RunTransformJob",
            Actions = ["sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob", "sagemaker:AddTags"],
            Resources = [stack.FormatArn(new ArnComponents { Service = "sagemaker", Resource = "transform-job", ResourceName = pipeline + "-*" })],
        });
        yield return new PolicyStatement(new PolicyStatementProps
        {
            Sid = "TransformJobSyncRule",
            Actions = ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
            Resources = [stack.FormatArn(new ArnComponents { Service = "events", Resource = "rule", ResourceName = "StepFunctionsGetEventsForSageMakerTransformJobsRule" })],
        });
    }
}
