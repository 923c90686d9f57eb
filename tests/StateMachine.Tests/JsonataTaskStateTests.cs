using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;

namespace TrainingOrchestration.StateMachine.Tests;

public class JsonataTaskStateTests
{
    private static JsonataTaskState Task(Stack stack) => new(stack, "Work", new Dictionary<string, object>
    {
        ["Type"] = "Task",
        ["Resource"] = "arn:aws:states:::aws-sdk:dynamodb:putItem",
        ["Arguments"] = new Dictionary<string, object> { ["TableName"] = "t" },
    });

    [Fact]
    public void Catchers_are_rendered_with_their_JSONata_Output_and_no_ResultPath()
    {
        var stack = new Stack();
        var state = Task(stack);
        var handler = new Pass(stack, "Handle");

        state.Catch(handler, [Errors.ALL], "{% $states.errorOutput %}");
        var json = state.ToStateJson();

        Assert.Equal("JSONata", json["QueryLanguage"]!.ToString());
        var catcher = Assert.Single(json["Catch"]!);
        Assert.Equal("Handle", catcher["Next"]!.ToString());
        Assert.Equal("{% $states.errorOutput %}", catcher["Output"]!.ToString());
        Assert.Null(catcher["ResultPath"]);
    }

    [Fact]
    public void Two_different_Outputs_for_one_handler_are_refused()
    {
        var stack = new Stack();
        var state = Task(stack);
        var handler = new Pass(stack, "Handle");
        state.Catch(handler, ["A"], "{% 1 %}");

        var error = Assert.Throws<ArgumentException>(() => state.Catch(handler, ["B"], "{% 2 %}"));

        Assert.Contains("Handle", error.Message);
    }
}
