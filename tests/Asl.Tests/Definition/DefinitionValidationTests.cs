namespace TrainingOrchestration.Asl.Tests.Definition;

public sealed class DefinitionValidationTests
{
    [Theory]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}""", "A", "Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"B":{"Type":"Pass","End":true}}}""", "B", "(state)")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Resource":"x"}}}""", "A", "Resource")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","End":true}}}""", "A", "Resource")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5}]}}}""", "A", "Retry[0].BackoffRate")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"A"},{"ErrorEquals":["X"],"Next":"A"}]}}}""", "A", "Catch[0].ErrorEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":1,"Timestamp":"2024-01-01T00:00:00Z","End":true}}}""", "A", "Timestamp")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.Nope(1)"},"End":true}}}""", "A", "Parameters.x.$")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":"1","Next":"A"}]}}}""", "A", "Choices[0].NumericEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Next":"A"}}}""", "A", "End")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.a[*]","End":true}}}""", "A", "ResultPath")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","End":true}}}""", "A", "ItemProcessor")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"not-an-arn","End":true}}}""", "A", "Resource")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.x","End":true}}}""", "A", "InputPath")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $states.input. %}","End":true}}}""", "A", "Output")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$$.x","End":true}}}""", "A", "ResultPath")]
    public void A_definition_AWS_rejects_is_rejected_naming_the_state_and_field(string definition, string state, string field)
    {
        var engine = new StepFunctionsEngine(new VirtualClock());

        var error = Assert.Throws<AslDefinitionException>(() => engine.CreateStateMachine("M", definition));

        Assert.Equal(state, error.StateName);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_StartAt_naming_no_state_is_rejected()
    {
        var engine = new StepFunctionsEngine(new VirtualClock());

        var error = Assert.Throws<AslDefinitionException>(() => engine.CreateStateMachine("M", """{"StartAt":"Z","States":{"A":{"Type":"Succeed"}}}"""));

        Assert.Equal("StartAt", error.Field);
    }

    [Fact]
    public void Registering_another_definition_under_a_used_name_is_refused()
    {
        var engine = new StepFunctionsEngine(new VirtualClock());
        engine.CreateStateMachine("M", """{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""");

        var error = Assert.Throws<StepFunctionsApiException>(() => engine.CreateStateMachine("M", """{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}"""));

        Assert.Equal("StateMachineAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public void Express_machines_cannot_wait_for_a_task_token()
    {
        var engine = new StepFunctionsEngine(new VirtualClock());
        const string definition = """
            {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken","End":true}}}
            """;

        var error = Assert.Throws<AslDefinitionException>(() => engine.CreateStateMachine("M", definition, StateMachineType.Express));

        Assert.Equal("A", error.StateName);
        Assert.Equal("Resource", error.Field);
    }
}
