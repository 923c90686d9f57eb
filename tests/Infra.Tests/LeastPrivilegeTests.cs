using System.Text.Json.Nodes;
using TrainingOrchestration.Infra.Tests.Support;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests;

/// <summary>
/// Least privilege as the template states it: training and transform encrypt with the stack's key, and the key's
/// service principals act only for this account's resources (the Lambdas' table access: <see cref="TaskLambdaItemAccessTests"/>).
/// </summary>
[Collection(SynthesisCollection.Name)]
public class LeastPrivilegeTests(SynthesizedPipelines synthesized)
{
    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void Training_and_transform_encrypt_their_outputs_and_the_training_volume_with_the_stacks_key(string pipeline)
    {
        var key = "${" + Assert.Single(synthesized.Resources(pipeline, "AWS::KMS::Key")).LogicalId + ".Arn}";
        var definition = Definition.Of(synthesized, pipeline, ResourceNames.TrainingStateMachine(pipeline));

        var training = definition.State("StartTrainingJob")["Parameters"]!;
        var transform = definition.State("ScoreTestSplit")["Parameters"]!;

        Assert.Equal(key, training["ResourceConfig"]!["VolumeKmsKeyId"]!.GetValue<string>());
        Assert.Equal(key, training["OutputDataConfig"]!["KmsKeyId"]!.GetValue<string>());
        Assert.Equal(key, transform["TransformOutput"]!["KmsKeyId"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void Every_service_principal_in_the_key_policy_acts_only_for_this_accounts_resources(string pipeline)
    {
        var policy = Assert.Single(synthesized.Resources(pipeline, "AWS::KMS::Key")).Resource["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray();
        var services = policy.OfType<JsonObject>().Where(s => s["Principal"]?["Service"] is not null).ToList();

        Assert.NotEmpty(services);
        foreach (var statement in services)
        {
            var principal = statement["Principal"]!["Service"]!.ToJsonString();
            var condition = statement["Condition"]?.ToJsonString() ?? "";
            if (principal.Contains("events.amazonaws.com", StringComparison.Ordinal))
            {
                // The documented exception (PipelineStorage): EventBridge delivery to an encrypted topic carries no source keys.
                Assert.Equal("\"events.amazonaws.com\"", principal);
                continue;
            }
            Assert.True(condition.Contains("aws:SourceAccount", StringComparison.Ordinal) || condition.Contains("kms:EncryptionContext:aws:logs:arn", StringComparison.Ordinal),
                $"{statement["Sid"]}: {principal} has no source condition ({condition})");
            Assert.True(condition.Contains("aws:SourceArn", StringComparison.Ordinal) || condition.Contains("kms:EncryptionContext:aws:logs:arn", StringComparison.Ordinal),
                $"{statement["Sid"]}: {principal} has no source ARN condition ({condition})");
            Assert.Contains("AWS::AccountId", condition);
        }
    }
}
