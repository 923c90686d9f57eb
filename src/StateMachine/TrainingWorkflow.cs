using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using StateMachineResource = Amazon.CDK.AWS.StepFunctions.StateMachine;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The training workflow (Standard), state for state as WORKFLOW.md "Training workflow" describes it: lock, record,
/// build features with Glue, validate, train with a task-token wait, score the test split, evaluate, promote or
/// reject, record, release. Every Task retries transient errors and catches everything else into the failure path.
/// </summary>
public sealed class TrainingWorkflow : Construct
{
    public StateMachineResource StateMachine { get; }

    /// <summary>
    /// SageMaker job names hold at most 63 characters: the pipeline, a hyphen, the 20-character run id, <c>-r</c>
    /// and a redrive count of up to four digits leave 36 for the pipeline name.
    /// </summary>
    public const int MaxPipelineNameLength = 36;

    public static string StateMachineName(string pipeline) => ResourceNames.TrainingStateMachine(pipeline);

    public TrainingWorkflow(Construct scope, string id, TrainingWorkflowProps props) : base(scope, id)
    {
        var spec = props.Spec;
        var pipeline = spec.Name;
        if (pipeline.Length > MaxPipelineNameLength)
        {
            throw new ArgumentException(
                $"Pipeline name '{pipeline}' ({spec.Directory}) has {pipeline.Length} characters; training job names allow at most {MaxPipelineNameLength} for it. Use a shorter name.",
                nameof(props));
        }

        var name = StateMachineName(pipeline);
        var failure = new FailureHandler(this, pipeline, props.Table, props.Notifications, props.Paging);

        var outcome = new OutcomeStates(this, props, failure.FailedAt(OutcomeStates.PromoteStateName));

        var evaluate = ServiceRetries.Apply(new LambdaInvoke(this, "EvaluateCandidate", new LambdaInvokeProps
        {
            LambdaFunction = props.EvaluateFunction,
            PayloadResponseOnly = true,
            RetryOnServiceExceptions = false,
            Payload = TaskInput.FromObject(new Dictionary<string, object>
            {
                ["pipeline"] = pipeline,
                ["runId"] = JsonPath.StringAt("$.runId"),
                ["bucket"] = props.Bucket.BucketName,
                ["predictionsPrefix"] = JsonPath.Format(ScoringState.PredictionsPrefixTemplate(pipeline), JsonPath.StringAt("$.runId")),
                ["training"] = JsonPath.StringAt("$.training.result"),
            }),
            ResultPath = "$.evaluation",
        }), ServiceRetries.Lambda);
        evaluate.Next(outcome.Decide);

        var score = ScoringState.Create(this, props);
        score.Next(evaluate);

        var createModel = CandidateModelState.Create(this, props);
        createModel.Next(score);

        var training = new TrainingJobStates(this, props, createModel, failure);

        var validationFailed = new Pass(this, "ValidationFailed", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["Error"] = "ValidationFailed",
                ["Cause"] = JsonPath.StringAt("$.validation.summary"),
            },
            ResultPath = FailureHandler.FailurePath,
        });
        validationFailed.Next(failure.FailedAt("ValidateFeatures"));
        var passes = new Choice(this, "FeaturesPassContract?")
            .When(Condition.BooleanEquals("$.validation.passed", true), training.Name)
            .Otherwise(validationFailed);

        var validate = ServiceRetries.Apply(new LambdaInvoke(this, "ValidateFeatures", new LambdaInvokeProps
        {
            LambdaFunction = props.ValidateFunction,
            PayloadResponseOnly = true,
            RetryOnServiceExceptions = false,
            Payload = TaskInput.FromObject(new Dictionary<string, object>
            {
                ["pipeline"] = pipeline,
                ["runId"] = JsonPath.StringAt("$.runId"),
                ["bucket"] = props.Bucket.BucketName,
                ["featuresPrefix"] = JsonPath.Format(BucketLayout.RunFeatures(pipeline, "{}"), JsonPath.StringAt("$.runId")),
                ["glueJobRun"] = JsonPath.StringAt("$.features.jobRun"),
            }),
            ResultPath = "$.validation",
        }), ServiceRetries.Lambda);
        validate.Next(passes);

        var buildFeatures = ServiceRetries.Apply(new GlueStartJobRun(this, "BuildFeatures", new GlueStartJobRunProps
        {
            GlueJobName = props.GlueJobName,
            IntegrationPattern = IntegrationPattern.RUN_JOB,
            Arguments = TaskInput.FromObject(FeatureJobArguments(props)),
            ResultPath = "$.features.jobRun",
        }), ServiceRetries.Glue);
        buildFeatures.Next(validate);

        var recordStarted = ServiceRetries.Apply(new DynamoPutItem(this, "RecordRunStarted", new DynamoPutItemProps
        {
            Table = props.Table,
            Item = new Dictionary<string, DynamoAttributeValue>(PipelineKeys.Run(pipeline))
            {
                ["runId"] = DynamoAttributeValue.FromString(JsonPath.StringAt("$.runId")),
                ["pipeline"] = DynamoAttributeValue.FromString(pipeline),
                ["status"] = DynamoAttributeValue.FromString("RUNNING"),
                ["executionArn"] = DynamoAttributeValue.FromString(PipelineKeys.ExecutionArn),
                ["startedAt"] = DynamoAttributeValue.FromString(PipelineKeys.Now),
                ["trigger"] = DynamoAttributeValue.FromString(JsonPath.JsonToString(JsonPath.StringAt("$.trigger"))),
            },
            ResultPath = JsonPath.DISCARD,
        }), ServiceRetries.DynamoDb);
        recordStarted.Next(buildFeatures);

        var locks = new LockStates(this, pipeline, props.Table, name, recordStarted);

        foreach (var task in locks.Tasks.Concat([recordStarted, buildFeatures, validate, evaluate]).Concat(outcome.Tasks))
        {
            failure.Catch(task);
        }

        failure.Catch(training.Reconcile);
        failure.Catch(training.Start);
        failure.Catch(score);
        failure.Catch(createModel);

        StateMachine = new StateMachineResource(this, "StateMachine", new StateMachineProps
        {
            StateMachineName = name,
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromChainable(locks.Acquire),
            Timeout = Duration.Seconds(TrainingJobStates.WaitTimeoutSeconds(spec.Training) + (int)TimeSpan.FromHours(6).TotalSeconds),
            TracingEnabled = true,
            Logs = new LogOptions { Destination = props.LogGroup, Level = LogLevel.ERROR, IncludeExecutionData = true },
        });

        foreach (var statement in training.PolicyStatements.Concat(ScoringState.PolicyStatements(this, pipeline))
            .Append(CandidateModelState.PolicyStatement(this, pipeline)))
        {
            StateMachine.AddToRolePolicy(statement);
        }

        StateMachine.AddToRolePolicy(PolicyStatements.KeyUse(props.Key));
    }

    /// <summary>The feature job's arguments (WORKFLOW.md step 3); the job reads them as <c>--name value</c>.</summary>
    private static Dictionary<string, object> FeatureJobArguments(TrainingWorkflowProps props)
    {
        var spec = props.Spec;
        var split = spec.Features.Split;
        return new Dictionary<string, object>
        {
            ["--pipeline"] = spec.Name,
            ["--run_id"] = JsonPath.StringAt("$.runId"),
            ["--bucket"] = props.Bucket.BucketName,
            ["--sql_s3_uri"] = props.SqlS3Uri,
            ["--source_table"] = spec.Source.Table,
            ["--entity_key"] = spec.Features.EntityKey,
            ["--label"] = spec.Features.Label,
            ["--split"] = string.Join(",", new[] { split.Train, split.Validation, split.Test }.Select(f => f.ToString(CultureInfo.InvariantCulture))),
            ["--job-bookmark-option"] = "job-bookmark-enable",
        };
    }
}
