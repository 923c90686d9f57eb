namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>The values <c>Fn::GetAtt</c> returns per resource type, as CloudFormation documents them.</summary>
internal static class ResourceAttributes
{
    public static string Get(StackEnvironment env, string type, string name, string logicalId, string attribute)
    {
        var arn = PhysicalNaming.Arn(env, type, name);
        var value = (type, attribute) switch
        {
            (_, "Arn") when arn is not null => arn,
            ("AWS::S3::Bucket", "DomainName") => $"{name}.s3.{env.UrlSuffix}",
            ("AWS::S3::Bucket", "RegionalDomainName") => $"{name}.s3.{env.Region}.{env.UrlSuffix}",
            ("AWS::S3::Bucket", "WebsiteURL") => $"http://{name}.s3-website-{env.Region}.{env.UrlSuffix}",
            ("AWS::DynamoDB::Table", "StreamArn") => $"{arn}/stream/2024-01-01T00:00:00.000",
            ("AWS::StepFunctions::StateMachine", "Name") => name,
            ("AWS::SNS::Topic", "TopicArn") => arn,
            ("AWS::SNS::Topic", "TopicName") => name,
            ("AWS::IAM::Role", "RoleId") => "AROA" + DeterministicId.Suffix(name, 17),
            ("AWS::KMS::Key", "KeyId") => name,
            ("AWS::SQS::Queue", "QueueName") => name,
            ("AWS::SQS::Queue", "QueueUrl") => $"https://sqs.{env.Region}.{env.UrlSuffix}/{env.AccountId}/{name}",
            ("AWS::Events::EventBus", "Name") => name,
            ("AWS::SageMaker::ModelPackageGroup", "ModelPackageGroupArn") => arn,
            _ when type.StartsWith("Custom::", StringComparison.Ordinal) || type == "AWS::CloudFormation::CustomResource"
                => $"{logicalId}.{attribute}",
            _ => null,
        };
        return value ?? throw new TemplateException($"Resources.{logicalId}", $"Fn::GetAtt {attribute} of {type} is not known to the local runtime");
    }
}
