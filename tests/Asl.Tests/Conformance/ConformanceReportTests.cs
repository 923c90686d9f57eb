using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Conformance;

namespace TrainingOrchestration.Asl.Tests.Conformance;

public sealed class ConformanceReportTests
{
    private static ConformanceCase Case(string id, string feature) => new(id, "jsonpath", [feature], false,
        JsonNode.Parse("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""")!, new JsonObject(),
        new JsonObject { ["status"] = "SUCCEEDED" }, null);

    [Fact]
    public void The_report_counts_by_feature_lists_failing_ids_and_ends_with_the_totals()
    {
        var results = new[]
        {
            new ConformanceResult(Case("a", "Map"), true, null, "{}"),
            new ConformanceResult(Case("b", "Map"), false, "$.output: expected 1 but got 2", "{}"),
            new ConformanceResult(Case("c", "Choice"), true, null, "{}"),
        };

        var lines = ConformanceReport.Render(results).Split('\n');

        Assert.Contains("  Map: 1/2 passed", lines);
        Assert.Contains(lines, l => l.Contains("b [jsonpath]: $.output: expected 1 but got 2"));
        Assert.Equal("2 passed, 1 failed", lines[^1]);
    }

    [Theory]
    [InlineData("arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>",
        "arn:aws:states:us-east-1:111111111111:execution:M:run-1", true)]
    [InlineData("arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:x",
        "arn:aws:states:us-east-1:123456789012:execution:M:x", false)]
    [InlineData("snf_role_arn", "arn:aws:iam::1:role/r", true)]
    [InlineData("plain", "plain!", false)]
    public void Masked_parts_of_a_recording_match_any_text_and_the_rest_must_be_equal(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, ExpectedMatcher.Matches(JsonValue.Create(expected), JsonValue.Create(actual), out _));
    }

    [Fact]
    public void Numbers_compare_by_value_and_objects_by_structure()
    {
        Assert.True(ExpectedMatcher.Matches(JsonNode.Parse("""{"a":1.0,"b":[1,2]}"""), JsonNode.Parse("""{"b":[1,2],"a":1}"""), out _));
        Assert.False(ExpectedMatcher.Matches(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"a":1,"b":2}"""), out var difference));
        Assert.Equal("$.b: unexpected", difference);
    }
}
