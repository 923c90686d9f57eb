using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.StateMachine.Steps;

namespace TrainingOrchestration.StateMachine;

/// <summary>
/// The training workflow (Standard), state for state as WORKFLOW.md "Training workflow" describes it and in the order
/// it runs: identify the run, lock, record (and announce) the start, build features with Glue, validate, train with a task-token wait, create
/// the candidate model, score the test split with the candidate and with the champion, evaluate, promote or reject,
/// record the outcome and release. Each step is a file of <c>Steps/</c>. Every Task retries the transient errors its
/// integration raises; anything else fails the execution at that Task, so a console redrive resumes there, and the
/// <see cref="RunStatusWorkflow"/> records the failure. Business outcomes that end a run without a model go through
/// <see cref="BusinessFailure"/>; the steps after the champion write are side effects whose failure is recorded.
/// </summary>
public sealed class TrainingWorkflow : Construct
{
    public Amazon.CDK.AWS.StepFunctions.StateMachine StateMachine { get; }

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
        var failure = new BusinessFailure(this, pipeline, props.Table, props.Notifications, props.Paging);
        // CDK writes the definition's states in the order it walks the graph, which enters the failure path first
        // through that path's first way in; PromoteCandidate's way in is made first so the order stays as deployed.
        failure.FailedAt(PromoteOrReject.PromoteStateName);

        var identifyRun = IdentifyRun.Create(this, props);
        var acquireLock = new AcquireLock(this, pipeline, props.Table, name);
        var recordRunStarted = RecordRunStarted.Create(this, props);
        var buildFeatures = BuildFeatures.Create(this, props);
        var validateFeatures = new ValidateFeatures(this, props, failure);
        var trainModel = new TrainModel(this, props, failure);
        var createCandidateModel = CreateCandidateModel.Create(this, props);
        var scoreTestSplit = ScoreTestSplit.Create(this, props);
        var scoreChampion = new ScoreChampion(this, props);
        var evaluateCandidate = EvaluateCandidate.Create(this, props);
        var recordOutcome = new RecordOutcome(this, props);
        var promoteOrReject = new PromoteOrReject(this, props, failure, recordOutcome.States);

        var started = Chain.Start(identifyRun)
            .Next(acquireLock.States)
            .Next(recordRunStarted)
            .Next(IdentifyRun.RecordRerunOf(this, props))
            .Next(ChangeCounter.Reset(this, pipeline, props.Table));
        if (spec.Notifications.NotifyOnStart) started = started.Next(NotifyTrainingStarted.Create(this, props));
        var definition = started
            .Next(buildFeatures)
            .Next(ValidateFeatureParts.Create(this, props))
            .Next(validateFeatures.ThenIfPassed(
                Chain.Start(trainModel.States)
                    .Next(createCandidateModel)
                    .Next(scoreTestSplit)
                    .Next(scoreChampion.States)
                    .Next(evaluateCandidate)
                    .Next(promoteOrReject.States)
                    .Next(recordOutcome.States)));

        StateMachine = new Amazon.CDK.AWS.StepFunctions.StateMachine(this, "StateMachine", new StateMachineProps
        {
            StateMachineName = name,
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromChainable(definition),
            // The training wait and six hours for the rest, plus the deployment's longest wait when the pipeline deploys.
            Timeout = Duration.Seconds(TrainModel.WaitTimeoutSeconds(spec.Training) + (int)TimeSpan.FromHours(6).TotalSeconds
                + (spec.Deployment is null ? 0 : DeployModel.MaxWaitSeconds(spec.Deployment))),
            TracingEnabled = true,
            // ALL with execution data: every state's input and output reaches the log group, queryable across runs in
            // Logs Insights for the weekly review (WORKFLOW.md "Execution traces": about 0.65 MB and $0.0003 a run).
            Logs = new LogOptions { Destination = props.LogGroup, Level = LogLevel.ALL, IncludeExecutionData = true },
        });

        foreach (var statement in trainModel.PolicyStatements.Concat(ScoreTestSplit.PolicyStatements(this, pipeline))
            .Append(CreateCandidateModel.PolicyStatement(this, pipeline)).Append(IdentifyRun.PolicyStatement(props.Table))
            .Concat(ValidateFeatureParts.PolicyStatements(this, props, name))
            .Concat(spec.Deployment is null ? [] : EndpointRequests.PolicyStatements(this, spec)))
        {
            StateMachine.AddToRolePolicy(statement);
        }

        StateMachine.AddToRolePolicy(StackGrants.KeyUse(props.Key));
    }
}
