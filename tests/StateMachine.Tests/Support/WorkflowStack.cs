using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.Assertions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.StateMachine.Tests.Support;

/// <summary>
/// The three workflows alone in a bare stack, wired to stand-in resources, so the constructs are tested without the
/// infra app. Built once per spec; synthesis goes through Node (jsii).
/// </summary>
public sealed class WorkflowStack
{
    public Template Template { get; }
    public JsonObject Json { get; }

    public WorkflowStack(PipelineSpec spec, bool paging)
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        var app = new App();
        var stack = new Stack(app, "Workflows");
        var table = new Table(stack, "Table", new TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = AttributeType.STRING }, SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "sk", Type = AttributeType.STRING } });
        var key = new Key(stack, "Key");
        var bucket = new Bucket(stack, "Bucket");
        IFunction Function(string id) => new Function(stack, id, new FunctionProps
        {
            Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => ({});"),
        });
        var logs = new LogGroup(stack, "Logs");
        var training = new TrainingWorkflow(stack, "Training", new TrainingWorkflowProps
        {
            Spec = spec, Table = table, Bucket = bucket, Key = key,
            Notifications = new Topic(stack, "Notifications"),
            Paging = paging ? new Topic(stack, "Paging") : null,
            ValidateFeaturesFunction = Function("Validate"), ValidatePartFunction = Function("ValidatePart"), EvaluateModelFunction = Function("Evaluate"),
            GlueJobName = spec.Name + "-features",
            SageMakerRole = new Role(stack, "SageMaker", new RoleProps { AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com") }),
            TrainingImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            SqlS3Uri = "s3://assets/features.sql",
            LogGroup = logs,
            ModelPackageGroupName = "TrainingOrchestration-" + spec.Name,
        });
        _ = new CallbackWorkflow(stack, "Callback", new CallbackWorkflowProps { Pipeline = spec.Name, Table = table, Key = key, Training = training.StateMachine, LogGroup = logs });
        _ = new TriggerWorkflow(stack, "Trigger", new TriggerWorkflowProps
        {
            Pipeline = spec.Name, Table = table, Key = key, DecideCadenceFunction = Function("Cadence"), Training = training.StateMachine, LogGroup = logs,
        });
        var text = File.ReadAllText(app.Synth().GetStackArtifact(stack.ArtifactId).TemplateFullPath);
        Template = Template.FromString(text);
        Json = JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The States of the named state machine, its DefinitionString's Fn::Join resolved to text.</summary>
    public JsonObject States(string stateMachineName)
    {
        var machine = Json["Resources"]!.AsObject().Select(r => r.Value!)
            .Single(r => r["Type"]!.GetValue<string>() == "AWS::StepFunctions::StateMachine"
                && r["Properties"]!["StateMachineName"]!.GetValue<string>() == stateMachineName);
        return JsonNode.Parse(Text(machine["Properties"]!["DefinitionString"]!))!["States"]!.AsObject();
    }

    private static string Text(JsonNode node) => node switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Concat(join[1]!.AsArray().Select(p => Text(p!))),
        JsonObject o when o["Ref"] is { } reference => "${" + reference.GetValue<string>() + "}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray getAtt => "${" + string.Join('.', getAtt.Select(p => p!.GetValue<string>())) + "}",
        _ => throw new NotSupportedException(node.ToJsonString()),
    };
}
