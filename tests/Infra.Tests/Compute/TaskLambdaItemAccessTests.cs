using System.Text.Json.Nodes;
using TrainingOrchestration.Infra.Tests.Support;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests.Compute;

/// <summary>
/// Issue 14 item 7, evaluated on the synthesized roles (<see cref="DynamoDbItemAccess"/>): a task Lambda writes only the
/// items it owns, in a partition of its own, and can never write CHAMPION, LOCK, TRIGGER or a RUN item (all under
/// <c>PIPELINE#&lt;p&gt;</c>), another pipeline's items or a task token; the workflows still write everywhere they must.
/// </summary>
[Collection(SynthesisCollection.Name)]
public class TaskLambdaItemAccessTests(SynthesizedPipelines synthesized)
{
    private static readonly string[] Writes =
        ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete"];

    private static readonly string[] Lambdas = ["ValidateFeaturesRole", "ValidatePartRole", "EvaluateModelRole", "DecideCadenceRole"];

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void No_task_lambda_can_write_any_item_of_the_pipelines_own_partition_another_pipeline_or_a_task_token(string pipeline)
    {
        var outOfReach = new[] { TableKeys.Pipeline(pipeline), TableKeys.Pipeline("other"), TableKeys.ModelPartition("other"), TableKeys.Token("job") };
        foreach (var role in Lambdas)
        {
            var access = DynamoDbItemAccess.Of(synthesized, pipeline, role);
            foreach (var partition in outOfReach)
            {
                Assert.All(Writes, action => Assert.False(access.Allows(action, partition), $"{role} may {action} under {partition}"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void The_validation_lambda_puts_only_into_the_validation_partition_and_reads_the_accepted_profile(string pipeline)
    {
        var access = DynamoDbItemAccess.Of(synthesized, pipeline, "ValidateFeaturesRole");

        Assert.True(access.Allows("dynamodb:PutItem", TableKeys.ValidationPartition(pipeline)));
        Assert.False(access.Allows("dynamodb:PutItem", TableKeys.ModelPartition(pipeline)));
        Assert.False(access.Allows("dynamodb:UpdateItem", TableKeys.ValidationPartition(pipeline)));
        Assert.False(access.Allows("dynamodb:DeleteItem", TableKeys.ValidationPartition(pipeline)));
        Assert.True(access.Allows("dynamodb:GetItem", TableKeys.Pipeline(pipeline)));
        Assert.True(DynamoDbItemAccess.Of(synthesized, pipeline, "ValidatePartRole").Allows("dynamodb:GetItem", TableKeys.Pipeline(pipeline)));
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void The_evaluation_lambda_puts_only_into_the_model_partition_and_reads_the_champion(string pipeline)
    {
        var access = DynamoDbItemAccess.Of(synthesized, pipeline, "EvaluateModelRole");

        Assert.True(access.Allows("dynamodb:PutItem", TableKeys.ModelPartition(pipeline)));
        Assert.False(access.Allows("dynamodb:PutItem", TableKeys.ValidationPartition(pipeline)));
        Assert.False(access.Allows("dynamodb:UpdateItem", TableKeys.ModelPartition(pipeline)));
        Assert.False(access.Allows("dynamodb:DeleteItem", TableKeys.ModelPartition(pipeline)));
        Assert.True(access.Allows("dynamodb:GetItem", TableKeys.Pipeline(pipeline)));
        Assert.False(access.Allows("dynamodb:GetItem", TableKeys.Pipeline("other")));
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void The_cadence_lambda_has_no_table_access_since_its_decision_comes_from_its_input(string pipeline)
    {
        var access = DynamoDbItemAccess.Of(synthesized, pipeline, "DecideCadenceRole");

        Assert.NotEmpty(access.Statements);
        Assert.DoesNotContain(access.Statements, s => s.Actions.Any(a => a.StartsWith("dynamodb:", StringComparison.OrdinalIgnoreCase) || a == "*"));
    }

    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void The_training_workflow_still_writes_the_champion_and_lock_moves_model_items_and_reads_run_profiles(string pipeline)
    {
        var access = DynamoDbItemAccess.Of(synthesized, pipeline, "TrainingWorkflowStateMachineRole");

        Assert.True(access.Allows("dynamodb:UpdateItem", TableKeys.Pipeline(pipeline)), "PromoteCandidate, AcquirePipelineLock");
        Assert.True(access.Allows("dynamodb:PutItem", TableKeys.Pipeline(pipeline)), "RecordRunStarted, AcceptProfile");
        Assert.True(access.Allows("dynamodb:UpdateItem", TableKeys.ModelPartition(pipeline)), "MarkModelChampion, RetirePreviousChampion");
        Assert.True(access.Allows("dynamodb:GetItem", TableKeys.ValidationPartition(pipeline)), "ReadCandidateProfile");
        Assert.True(DynamoDbItemAccess.Of(synthesized, pipeline, "RunStatusWorkflowStateMachineRole").Allows("dynamodb:UpdateItem", TableKeys.Pipeline(pipeline)));
        Assert.True(DynamoDbItemAccess.Of(synthesized, pipeline, "TriggerWorkflowStateMachineRole").Allows("dynamodb:UpdateItem", TableKeys.Pipeline(pipeline)));
    }

    [Fact]
    public void The_evaluator_matches_leading_keys_action_wildcards_and_the_table_and_lets_an_explicit_deny_win()
    {
        var table = JsonNode.Parse("""{"Fn::GetAtt":["Table","Arn"]}""");
        var leading = JsonNode.Parse("""{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["PIPELINE#p#MODEL"]}}""");
        var put = new PolicyStatements.Statement("LambdaRole", ["dynamodb:Put*"], [table], leading);
        var otherTable = new PolicyStatements.Statement("LambdaRole", ["dynamodb:GetItem"], [JsonNode.Parse("""{"Fn::GetAtt":["Other","Arn"]}""")], null);

        var access = new DynamoDbItemAccess([put, otherTable], "Table");
        Assert.True(access.Allows("dynamodb:PutItem", "PIPELINE#p#MODEL"));
        Assert.False(access.Allows("dynamodb:PutItem", "PIPELINE#p"));
        Assert.False(access.Allows("dynamodb:UpdateItem", "PIPELINE#p#MODEL"));
        Assert.False(access.Allows("dynamodb:GetItem", "PIPELINE#p#MODEL"));
        var denied = new DynamoDbItemAccess([put, new PolicyStatements.Statement("LambdaRole", ["dynamodb:*"], ["*"], null, "Deny")], "Table");
        Assert.False(denied.Allows("dynamodb:PutItem", "PIPELINE#p#MODEL"));
    }
}
