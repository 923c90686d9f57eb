using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Tests.Runtime;

public sealed class PayloadTextTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""{"a":1,"b":{"c":[1,2.5,"x",null,true]},"s":"é \"q\" <>"}""")!;

    [Theory]
    [InlineData("""{"FunctionName":"f","Payload.$":"$"}""")]
    [InlineData("""{"x.$":"$.b.c[1]","nested":{"y.$":"$.s","lit":[1,{"z.$":"$.a"},"t"]},"n":null}""")]
    [InlineData("""{"f.$":"States.Format('{} and {}', $.a, $.s)","arr.$":"States.Array($.a, $.b)","len.$":"States.ArrayLength($.b.c)"}""")]
    [InlineData("""{"a":"literal","a.$":"$.a"}""")]
    [InlineData("""{"all.$":"$.b.c[*]","pick.$":"$.b.c[?(@ == 'x')]"}""")]
    public void Writing_a_template_as_text_gives_the_text_of_the_evaluated_payload(string template)
    {
        var node = JsonNode.Parse(template);
        var source = new ValueSource(Input, new NoContext());

        var text = PayloadText.Evaluate(node, source, "S", new StatePrefix(() => ""));
        var withKnownInput = PayloadText.Evaluate(node, source, "S", new StatePrefix(() => ""), (Input, JsonKit.Serialize(Input)));

        Assert.Equal(JsonKit.Serialize(PayloadEvaluator.Evaluate(node, source, "S", new StatePrefix(() => ""))), text);
        Assert.Equal(text, withKnownInput);
    }

    [Fact]
    public void A_path_that_selects_nothing_fails_as_the_node_evaluator_does()
    {
        var source = new ValueSource(Input, new NoContext());

        var error = Assert.Throws<AslErrorException>(() => PayloadText.Evaluate(JsonNode.Parse("""{"x.$":"$.missing"}"""), source, "S", new StatePrefix(() => "P. ")));

        Assert.StartsWith("P. The JSONPath '$.missing' specified for the field 'x.$' could not be found", error.Cause);
    }

    private sealed class NoContext : IPathRoots
    {
        public JsonNode BuildContext() => new JsonObject();

        public VariableScope Variables { get; } = new(null);
    }
}
