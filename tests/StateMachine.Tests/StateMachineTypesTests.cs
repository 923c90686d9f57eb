using Amazon.CDK.Assertions;
using TrainingOrchestration.Infra.Tests.Support;

namespace TrainingOrchestration.StateMachine.Tests;

[Collection(SynthesisCollection.Name)]
public class StateMachineTypesTests(SynthesizedPipelines synthesized)
{
    [Theory]
    [InlineData("fraud-training", "STANDARD", "ALL")]
    [InlineData("fraud-trigger", "EXPRESS", "ALL")]
    [InlineData("fraud-callback", "EXPRESS", "ALL")]
    public void Each_workflow_has_its_type_and_logs_to_its_own_group(string name, string type, string level) =>
        synthesized.Templates[SynthesizedPipelines.Critical].HasResourceProperties("AWS::StepFunctions::StateMachine", new Dictionary<string, object>
        {
            ["StateMachineName"] = name,
            ["StateMachineType"] = type,
            ["TracingConfiguration"] = new Dictionary<string, object> { ["Enabled"] = true },
            ["LoggingConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Level"] = level,
                ["IncludeExecutionData"] = true,
            }),
        });
}
