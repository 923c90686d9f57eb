namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>
/// How CloudFormation names and identifies each resource type: the property that sets an explicit name, the name it
/// generates otherwise (<c>&lt;stack&gt;-&lt;logical id&gt;-&lt;suffix&gt;</c>), what <c>Ref</c> returns, and the ARN.
/// </summary>
internal static class PhysicalNaming
{
    private static readonly Dictionary<string, string> NameProperties = new()
    {
        ["AWS::S3::Bucket"] = "BucketName",
        ["AWS::DynamoDB::Table"] = "TableName",
        ["AWS::Lambda::Function"] = "FunctionName",
        ["AWS::StepFunctions::StateMachine"] = "StateMachineName",
        ["AWS::SNS::Topic"] = "TopicName",
        ["AWS::Events::Rule"] = "Name",
        ["AWS::Events::EventBus"] = "Name",
        ["AWS::Glue::Job"] = "Name",
        ["AWS::IAM::Role"] = "RoleName",
        ["AWS::IAM::Policy"] = "PolicyName",
        ["AWS::Logs::LogGroup"] = "LogGroupName",
        ["AWS::SQS::Queue"] = "QueueName",
        ["AWS::CloudWatch::Alarm"] = "AlarmName",
        ["AWS::CloudWatch::Dashboard"] = "DashboardName",
        ["AWS::SageMaker::ModelPackageGroup"] = "ModelPackageGroupName",
        ["AWS::KinesisFirehose::DeliveryStream"] = "DeliveryStreamName",
        ["AWS::Pipes::Pipe"] = "Name",
        ["AWS::DMS::Endpoint"] = "EndpointIdentifier",
    };

    public static string? NameProperty(string type) => NameProperties.GetValueOrDefault(type);

    public static string GeneratedName(StackEnvironment env, string logicalId, string type)
    {
        var suffix = DeterministicId.Suffix($"{env.StackName}/{logicalId}");
        return type switch
        {
            "AWS::S3::Bucket" => Truncate($"{env.StackName}-{logicalId}", 63 - 13).ToLowerInvariant() + "-" + suffix.ToLowerInvariant(),
            "AWS::StepFunctions::StateMachine" or "AWS::Glue::Job" => $"{logicalId}-{suffix}",
            "AWS::Lambda::Function" => Truncate($"{env.StackName}-{logicalId}", 64 - 13) + "-" + suffix,
            _ => Truncate($"{env.StackName}-{logicalId}", 128 - 13) + "-" + suffix,
        };
    }

    public static string? Arn(StackEnvironment env, string type, string name)
    {
        var (p, r, a) = (env.Partition, env.Region, env.AccountId);
        return type switch
        {
            "AWS::S3::Bucket" => $"arn:{p}:s3:::{name}",
            "AWS::DynamoDB::Table" => $"arn:{p}:dynamodb:{r}:{a}:table/{name}",
            "AWS::Lambda::Function" => $"arn:{p}:lambda:{r}:{a}:function:{name}",
            "AWS::StepFunctions::StateMachine" => $"arn:{p}:states:{r}:{a}:stateMachine:{name}",
            "AWS::SNS::Topic" => $"arn:{p}:sns:{r}:{a}:{name}",
            "AWS::Events::Rule" => $"arn:{p}:events:{r}:{a}:rule/{name}",
            "AWS::Events::EventBus" => $"arn:{p}:events:{r}:{a}:event-bus/{name}",
            "AWS::Glue::Job" => $"arn:{p}:glue:{r}:{a}:job/{name}",
            "AWS::Glue::Database" => $"arn:{p}:glue:{r}:{a}:database/{name}",
            "AWS::IAM::Role" => $"arn:{p}:iam::{a}:role/{name}",
            "AWS::IAM::ManagedPolicy" => $"arn:{p}:iam::{a}:policy/{name}",
            "AWS::Logs::LogGroup" => $"arn:{p}:logs:{r}:{a}:log-group:{name}:*",
            "AWS::SQS::Queue" => $"arn:{p}:sqs:{r}:{a}:{name}",
            "AWS::KMS::Key" => $"arn:{p}:kms:{r}:{a}:key/{name}",
            "AWS::CloudWatch::Alarm" => $"arn:{p}:cloudwatch:{r}:{a}:alarm:{name}",
            // SageMaker lowercases resource names in its ARNs.
            "AWS::SageMaker::ModelPackageGroup" => $"arn:{p}:sagemaker:{r}:{a}:model-package-group/{name.ToLowerInvariant()}",
            // docs.aws.amazon.com/service-authorization/latest/reference: firehose deliverystream, pipes pipe, dms endpoint
            // (DMS names an endpoint's ARN by a generated id; locally the identifier stands in for it).
            "AWS::KinesisFirehose::DeliveryStream" => $"arn:{p}:firehose:{r}:{a}:deliverystream/{name}",
            "AWS::Pipes::Pipe" => $"arn:{p}:pipes:{r}:{a}:pipe/{name}",
            "AWS::DMS::Endpoint" => $"arn:{p}:dms:{r}:{a}:endpoint:{name.ToUpperInvariant()}",
            _ => null,
        };
    }

    /// <summary>What <c>Ref</c> returns: the ARN for state machines, topics and model package groups, the queue URL for queues, the name otherwise.</summary>
    public static string RefValue(StackEnvironment env, string type, string name, string? arn) => type switch
    {
        // AWS::SageMaker::ModelPackageGroup: Ref is the group's ARN (CloudFormation's return values for the type).
        "AWS::StepFunctions::StateMachine" or "AWS::SNS::Topic" or "AWS::IAM::ManagedPolicy" or "AWS::SageMaker::ModelPackageGroup"
            or "AWS::DMS::Endpoint" => arn ?? name,
        "AWS::SQS::Queue" => $"https://sqs.{env.Region}.{env.UrlSuffix}/{env.AccountId}/{name}",
        _ => name,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
