using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.Infra.Tests;

[Collection(SynthesisCollection.Name)]
public class IamTests(SynthesizedPipelines synthesized)
{
    /// <summary>
    /// The only statements allowed a <c>*</c> resource, each because the action has no resource-level permissions:
    /// X-Ray tracing (Lambda and Step Functions), Step Functions' vended log delivery, the ECR login token, and
    /// CloudWatch PutMetricData (kept to the service's own namespace by a condition).
    /// </summary>
    private static readonly Dictionary<string, string> WildcardExceptions = new()
    {
        ["xray:PutTraceSegments"] = "X-Ray has no resource-level permissions",
        ["xray:PutTelemetryRecords"] = "X-Ray has no resource-level permissions",
        ["xray:GetSamplingRules"] = "X-Ray has no resource-level permissions",
        ["xray:GetSamplingTargets"] = "X-Ray has no resource-level permissions",
        ["logs:CreateLogDelivery"] = "vended log delivery for Step Functions requires *",
        ["logs:GetLogDelivery"] = "vended log delivery for Step Functions requires *",
        ["logs:UpdateLogDelivery"] = "vended log delivery for Step Functions requires *",
        ["logs:DeleteLogDelivery"] = "vended log delivery for Step Functions requires *",
        ["logs:ListLogDeliveries"] = "vended log delivery for Step Functions requires *",
        ["logs:PutResourcePolicy"] = "vended log delivery for Step Functions requires *",
        ["logs:DescribeResourcePolicies"] = "vended log delivery for Step Functions requires *",
        ["logs:DescribeLogGroups"] = "vended log delivery for Step Functions requires *",
        ["ecr:GetAuthorizationToken"] = "the ECR login token is not tied to a repository",
        ["cloudwatch:PutMetricData"] = "no resource-level permissions; restricted by a namespace condition",
        ["dynamodb:ListStreams"] = "no resource-level permissions (the change Pipe reading a DynamoDB stream)",
        ["ec2:CreateNetworkInterface"] = "the change Pipe's network interfaces in the Kafka brokers' VPC (eb-pipes-permissions.html, VPC permissions)",
        ["ec2:DescribeNetworkInterfaces"] = "describe calls have no resource-level permissions",
        ["ec2:DeleteNetworkInterface"] = "the Pipe deletes the interfaces it created, whose ids it names at run time",
        ["ec2:DescribeVpcs"] = "describe calls have no resource-level permissions",
        ["ec2:DescribeSubnets"] = "describe calls have no resource-level permissions",
        ["ec2:DescribeSecurityGroups"] = "describe calls have no resource-level permissions",
    };

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void No_statement_uses_a_wildcard_action(string pipeline)
    {
        var statements = PolicyStatements.Of(synthesized, pipeline).ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.All(s.Actions, a => Assert.False(a.Contains('*'), $"{s.Owner}: {a}")));
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void A_wildcard_resource_appears_only_for_the_documented_exceptions(string pipeline)
    {
        var wildcards = PolicyStatements.Of(synthesized, pipeline).Where(s => s.Resources.Any(PolicyStatements.IsWildcard)).ToList();

        Assert.All(wildcards, s => Assert.All(s.Actions, a => Assert.True(WildcardExceptions.ContainsKey(a), $"{s.Owner}: {a} on *")));
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void PutMetricData_is_always_limited_to_one_namespace(string pipeline)
    {
        var putMetric = PolicyStatements.Of(synthesized, pipeline).Where(s => s.Actions.Contains("cloudwatch:PutMetricData")).ToList();

        Assert.NotEmpty(putMetric);
        Assert.All(putMetric, s => Assert.Contains("cloudwatch:namespace", s.Condition!.ToJsonString()));
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void No_role_carries_a_managed_policy(string pipeline) =>
        Assert.All(synthesized.Resources(pipeline, "AWS::IAM::Role"), r => Assert.Null(r.Resource["Properties"]!["ManagedPolicyArns"]));

    [Fact]
    public void The_sagemaker_role_may_only_be_passed_to_sagemaker()
    {
        var passRole = Assert.Single(PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical), s => s.Actions.Contains("iam:PassRole"));

        Assert.Contains("SageMakerExecutionRole", Assert.Single(passRole.Resources)!.ToJsonString());
        Assert.Contains("sagemaker.amazonaws.com", passRole.Condition!.ToJsonString());
    }

    [Fact]
    public void Training_jobs_models_and_transforms_are_limited_to_the_pipeline_prefix()
    {
        var statements = PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical).ToList();

        foreach (var action in new[] { "sagemaker:CreateTrainingJob", "sagemaker:CreateModel", "sagemaker:CreateTransformJob", "sagemaker:DescribeTrainingJob" })
        {
            var statement = statements.Single(s => s.Actions.Contains(action));
            Assert.All(statement.Resources, r => Assert.Contains("fraud-*", r!.ToJsonString()));
        }
    }

    [Fact]
    public void Task_tokens_are_answered_only_for_the_training_state_machine()
    {
        var statements = PolicyStatements.Of(synthesized, SynthesizedPipelines.Critical).ToList();

        foreach (var action in new[] { "states:SendTaskSuccess", "states:SendTaskFailure" })
        {
            var statement = statements.Single(s => s.Actions.Contains(action));
            Assert.Contains("TrainingWorkflowStateMachine", Assert.Single(statement.Resources)!.ToJsonString());
        }
    }

    [Fact]
    public void Only_the_account_root_statement_of_the_key_policy_uses_a_wildcard_action()
    {
        var key = Assert.Single(synthesized.Resources(SynthesizedPipelines.Critical, "AWS::KMS::Key")).Resource;
        var statements = key["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray();

        foreach (var statement in statements)
        {
            var actions = statement!["Action"] is System.Text.Json.Nodes.JsonArray list ? list.Select(a => a!.GetValue<string>()).ToList() : [statement["Action"]!.GetValue<string>()];
            var isRoot = statement["Principal"]!.ToJsonString().Contains(":root");
            Assert.True(isRoot || actions.All(a => !a.Contains('*')), string.Join(", ", actions));
        }
    }
}
