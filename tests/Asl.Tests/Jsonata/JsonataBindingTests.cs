using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Jsonata;

namespace TrainingOrchestration.Asl.Tests.Jsonata;

/// <summary>
/// Variable bindings (<c>$x := expr</c>) in blocks (<c>( a; b )</c>) and <c>$replace</c>, as JSONata defines them
/// (https://docs.jsonata.org/programming, https://docs.jsonata.org/string-functions#replace).
/// </summary>
public sealed class JsonataBindingTests
{
    private static string? Run(string expression, string input = "{}")
    {
        var evaluator = new JsonataEvaluator(name => name == "states"
            ? JsonataValue.Of(new JsonObject { ["input"] = JsonNode.Parse(input) })
            : JsonataValue.Undefined);
        var result = evaluator.Evaluate(JsonataParser.Parse(expression), JsonataValue.Of(null));
        return result.Defined ? result.Node?.ToJsonString() ?? "null" : null;
    }

    [Theory]
    [InlineData("($x := 5; $x * 2)", "10")]
    [InlineData("($a := 1; $b := $a + 1; [$a, $b])", "[1,2]")]
    [InlineData("$x := 3", "3")]
    [InlineData("($a := $b := 4; $a + $b)", "8")]
    [InlineData("( $v := $states.input.n ; $v ? $v & '!' : 'none' )", "\"7!\"")]
    [InlineData("(1; 2;)", "2")]
    [InlineData("($a:=1; $b:=2; $c:=($a:=4; $a+$b); $a+$c)", "7")]
    [InlineData("($r := {'k': 1}; {'one': $r, 'two': $r})", "{\"one\":{\"k\":1},\"two\":{\"k\":1}}")]
    public void A_block_evaluates_its_expressions_in_turn_and_yields_the_last(string expression, string expected) =>
        Assert.Equal(expected, Run(expression, """{"n":"7"}"""));

    [Fact]
    public void A_binding_inside_a_nested_block_does_not_change_the_outer_variable() =>
        Assert.Equal("[1,2]", Run("($x := 1; $y := ($x := 2; $x); [$x, $y])"));

    [Fact]
    public void A_variable_bound_in_a_block_is_gone_after_it() =>
        Assert.Null(Run("(($inner := 1); $inner)"));

    [Fact]
    public void Only_a_variable_can_be_bound() =>
        Assert.Contains("S0212", Assert.Throws<FormatException>(() => JsonataParser.Parse("(1 := 2)")).Message);

    [Theory]
    [InlineData("$replace('Hello World', 'World', 'Everyone')", "\"Hello Everyone\"")]
    [InlineData("$replace('the cat sat on the mat', 'at', 'it')", "\"the cit sit on the mit\"")]
    [InlineData("$replace('the cat sat on the mat', 'at', 'it', 0)", "\"the cat sat on the mat\"")]
    [InlineData("$replace('the cat sat on the mat', 'at', 'it', 2)", "\"the cit sit on the mat\"")]
    [InlineData("$replace('a.b.c', '.', '$')", "\"a$b$c\"")]
    [InlineData("$replace('aaa', 'aa', 'b')", "\"ba\"")]
    public void Replace_substitutes_each_occurrence_of_a_string_pattern_up_to_the_limit(string expression, string expected) =>
        Assert.Equal(expected, Run(expression));

    [Fact]
    public void Replace_of_nothing_is_nothing() => Assert.Null(Run("$replace($states.input.missing, 'a', 'b')"));

    [Theory]
    [InlineData("$replace('abc', '', 'x')", "D3010")]
    [InlineData("$replace('abc', 'b', 'x', -1)", "D3011")]
    [InlineData("$replace('abc', 1, 'x')", "T0410")]
    public void Replace_rejects_an_empty_pattern_a_negative_limit_and_a_pattern_that_is_not_a_string(string expression, string code) =>
        Assert.Contains(code, Assert.Throws<JsonataException>(() => Run(expression)).Message);
}
