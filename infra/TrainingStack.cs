using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Constructs;
using TrainingOrchestration.Infra.Compute;
using TrainingOrchestration.Infra.Deployment;
using TrainingOrchestration.Infra.Events;
using TrainingOrchestration.Infra.Features;
using TrainingOrchestration.Infra.Ingress;
using TrainingOrchestration.Infra.Operations;
using TrainingOrchestration.Infra.Registry;
using TrainingOrchestration.Infra.Storage;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.StateMachine;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra;

/// <summary>
/// One self-contained stack per pipeline (<c>TrainingOrchestration-&lt;pipeline&gt;</c>): its own key, bucket, table,
/// topics, feature job, task Lambdas, three workflows, rules, dashboard and alarms, so a pipeline deploys and tears
/// down alone. Every resource carries the <c>pipeline</c> and <c>tier</c> tags for cost attribution.
/// </summary>
public sealed class TrainingStack : Stack
{
    public PipelineStorage Storage { get; }
    public TrainingWorkflow Training { get; }
    public TriggerWorkflow Trigger { get; }
    public CallbackWorkflow Callback { get; }
    public RunStatusWorkflow RunStatus { get; }
    public WeeklyReviewDashboard Dashboard { get; }

    public static string NameOf(string pipeline) => ResourceNames.Stack(pipeline);

    public TrainingStack(Construct scope, PipelineSpec spec, string tasksAssetDirectory, string glueScript)
        : base(scope, NameOf(spec.Name), new StackProps
        {
            StackName = NameOf(spec.Name),
            Description = $"TrainingOrchestration: event-driven retraining of pipeline {spec.Name} ({spec.Tier.ToString().ToLowerInvariant()}).",
        })
    {
        var p = spec.Name;
        Storage = new PipelineStorage(this, "Storage", p);
        var topics = new PipelineTopics(this, "Topics", spec, Storage.Key);
        var featureJob = new FeatureJob(this, "FeatureJob", spec, glueScript, Storage.Bucket, Storage.Key);
        var functions = new TaskFunctions(this, "Tasks", spec, tasksAssetDirectory, Storage.Bucket, Storage.Table, Storage.Key);
        var imageAccount = XgboostImage.Account(this);
        var sageMaker = new SageMakerExecutionRole(this, "SageMakerExecution", p, Storage.Bucket, Storage.Key, imageAccount);
        var registry = new PipelineModelRegistry(this, "ModelRegistry", p);

        Training = new TrainingWorkflow(this, "TrainingWorkflow", new TrainingWorkflowProps
        {
            Spec = spec,
            Table = Storage.Table,
            Bucket = Storage.Bucket,
            Key = Storage.Key,
            Notifications = topics.Notifications,
            Paging = topics.Paging,
            ValidateFeaturesFunction = functions.ValidateFeatures,
            ValidatePartFunction = functions.ValidatePart,
            EvaluateModelFunction = functions.EvaluateModel,
            GlueJobName = featureJob.JobName,
            SageMakerRole = sageMaker.Role,
            TrainingImage = XgboostImage.Uri(imageAccount, spec.Training.XgboostVersion),
            SqlS3Uri = featureJob.Sql.S3ObjectUrl,
            LogGroup = WorkflowLogs("TrainingLogs", TrainingWorkflow.StateMachineName(p)),
            ModelPackageGroupName = registry.GroupName,
        });
        Trigger = new TriggerWorkflow(this, "TriggerWorkflow", new TriggerWorkflowProps
        {
            Pipeline = p,
            Table = Storage.Table,
            Key = Storage.Key,
            DecideCadenceFunction = functions.DecideCadence,
            Training = Training.StateMachine,
            LogGroup = WorkflowLogs("TriggerLogs", TriggerWorkflow.StateMachineName(p)),
        });
        Callback = new CallbackWorkflow(this, "CallbackWorkflow", new CallbackWorkflowProps
        {
            Pipeline = p,
            Table = Storage.Table,
            Key = Storage.Key,
            Training = Training.StateMachine,
            LogGroup = WorkflowLogs("CallbackLogs", CallbackWorkflow.StateMachineName(p)),
        });

        RunStatus = new RunStatusWorkflow(this, "RunStatusWorkflow", new RunStatusWorkflowProps
        {
            Pipeline = p,
            Table = Storage.Table,
            Key = Storage.Key,
            TrainingStateMachineName = TrainingWorkflow.StateMachineName(p),
            Notifications = topics.Notifications,
            Paging = topics.Paging,
            LogGroup = WorkflowLogs("RunStatusLogs", RunStatusWorkflow.StateMachineName(p)),
            RedriveWindow = spec.Cadence.RedriveWindow,
        });

        _ = new ChangeIngress(this, "Ingress", spec, Storage.Bucket, Storage.Key, topics.Notifications, topics.Paging);
        var deadLetters = new RuleDeadLetters(this, "RuleDeadLetters", spec, topics.Notifications, topics.Paging);
        _ = new PipelineRules(this, "Rules", spec, Storage.Bucket, Trigger.StateMachine, Callback.StateMachine,
            Training.StateMachine, RunStatus.StateMachine, deadLetters.Queue);
        Dashboard = new WeeklyReviewDashboard(this, "WeeklyReview", p, Training.StateMachine, Trigger.StateMachine, Callback.StateMachine, featureJob.JobName);
        _ = new PipelineAlarms(this, "Alarms", spec, Training.StateMachine, topics.Notifications, topics.Paging);
        if (spec.Deployment is not null) _ = new EndpointRollbackAlarms(this, "EndpointAlarms", spec, topics.Notifications);

        Amazon.CDK.Tags.Of(this).Add("pipeline", p);
        Amazon.CDK.Tags.Of(this).Add("tier", spec.Tier.ToString().ToLowerInvariant());

        Output("TrainingStateMachineArn", Training.StateMachine.StateMachineArn);
        Output("TriggerStateMachineArn", Trigger.StateMachine.StateMachineArn);
        Output("CallbackStateMachineArn", Callback.StateMachine.StateMachineArn);
        Output("RunStatusStateMachineArn", RunStatus.StateMachine.StateMachineArn);
        Output("BucketName", Storage.Bucket.BucketName);
        Output("TableName", Storage.Table.TableName);
        Output("NotificationsTopicArn", topics.Notifications.TopicArn);
        Output("DashboardName", Dashboard.DashboardName);
        Output("ModelPackageGroupName", registry.GroupName);
        Output("DashboardUrl", $"https://{Aws.REGION}.console.aws.amazon.com/cloudwatch/home?region={Aws.REGION}#dashboards:name={Dashboard.DashboardName}");
    }

    /// <summary>
    /// A workflow's log group, kept when the stack is deleted. Its name ends in the stack's id (the GUID in the stack
    /// ARN), so deleting and re-creating the stack makes a new group instead of failing on the kept one's fixed name;
    /// the <c>/aws/vendedlogs/</c> prefix keeps CloudWatch Logs' resource policy small (AWS: step-functions/latest/dg/cw-logs.html).
    /// </summary>
    private LogGroup WorkflowLogs(string id, string stateMachineName) => new(this, id, new LogGroupProps
    {
        LogGroupName = $"/aws/vendedlogs/states/{stateMachineName}-{Fn.Select(2, Fn.Split("/", Aws.STACK_ID))}",
        Retention = RetentionDays.THREE_MONTHS,
        EncryptionKey = Storage.Key,
        RemovalPolicy = RemovalPolicy.RETAIN,
    });

    private void Output(string name, string value) => _ = new CfnOutput(this, name, new CfnOutputProps { Value = value });
}
