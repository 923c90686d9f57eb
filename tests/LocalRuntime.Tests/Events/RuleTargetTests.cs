using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Events;

namespace TrainingOrchestration.LocalRuntime.Tests.Events;

public class RuleTargetTests
{
    private static readonly JsonObject Event = JsonNode.Parse("""
        {"id":"e-1","detail-type":"Table Change","source":"training-orchestration.cdc","time":"2026-01-01T00:00:00Z",
         "detail":{"table":"customers","keys":[{"id":7},{"id":8}]}}
        """)!.AsObject();

    private static readonly EventRule Rule = new("changes", "arn:aws:events:us-east-1:000000000000:rule/changes", null, null, true, []);

    [Fact]
    public void Input_path_delivers_the_selected_part_of_the_event()
    {
        var target = new RuleTarget("T", "arn:x", null, "$.detail.keys[1]", null, null);

        Assert.Equal("""{"id":8}""", target.Render(Event, Rule));
    }

    [Fact]
    public void Input_transformer_reads_bracketed_names_and_leaves_missing_values_null()
    {
        var paths = new JsonObject { ["type"] = "$['detail-type']", ["table"] = "$.detail.table", ["missing"] = "$.detail.nothing" };
        var target = new RuleTarget("T", "arn:x", null, null, paths, """{"t":"<type>","table":<table>,"m":<missing>}""");

        Assert.Equal("""{"t":"Table Change","table":"customers","m":null}""", target.Render(Event, Rule));
    }

    [Fact]
    public void An_indefinite_input_path_is_refused_with_the_path_named()
    {
        var target = new RuleTarget("T", "arn:x", null, "$.detail.keys[*]", null, null);

        var error = Assert.Throws<FormatException>(() => target.Render(Event, Rule));
        Assert.Contains("$.detail.keys[*]", error.Message, StringComparison.Ordinal);
    }
}
