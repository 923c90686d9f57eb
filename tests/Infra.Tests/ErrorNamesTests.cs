using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Infra.Tests.Support;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests;

/// <summary>
/// Every error a Retry or Catch names is one an integration really raises: the names of WORKFLOW.md's "Error names"
/// table (each row with its AWS page), besides the <c>States.*</c> names of the language. A Retry naming an error no
/// service raises never fires, so the first throttle would fail a run that should have waited.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed partial class ErrorNamesTests(SynthesizedPipelines synthesized)
{
    [Theory]
    [MemberData(nameof(SynthesizedPipelines.Pipelines), MemberType = typeof(SynthesizedPipelines))]
    public void Every_Retry_and_Catch_of_every_workflow_names_only_errors_the_table_lists(string pipeline)
    {
        var known = TableNames();
        var named = synthesized.Resources(pipeline, "AWS::StepFunctions::StateMachine")
            .SelectMany(m => ErrorNames(JsonNode.Parse(Definition.Text(m.Resource["Properties"]!["DefinitionString"]!))!.AsObject(),
                m.Resource["Properties"]!["StateMachineName"]!.GetValue<string>()))
            .ToList();

        Assert.NotEmpty(named);
        var unknown = named.Where(n => !n.Error.StartsWith("States.", StringComparison.Ordinal) && !known.Contains(n.Error))
            .Select(n => $"{n.Where}: {n.Error}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "Retry/Catch names no integration raises (WORKFLOW.md, Error names):\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void The_table_is_read_from_WORKFLOW_md_and_holds_the_throttling_names_AWS_reports()
    {
        var known = TableNames();

        Assert.Contains("SageMaker.AmazonSageMakerException", known);
        Assert.Contains("Glue.AWSGlueException", known);
        Assert.Contains("Lambda.TooManyRequestsException", known);
        Assert.DoesNotContain("Glue.ThrottlingException", known);
        Assert.DoesNotContain("SageMaker.ResourceLimitExceeded", known);
    }

    /// <summary>The backticked error names in the rows of WORKFLOW.md's "Error names" table.</summary>
    public static HashSet<string> TableNames()
    {
        var workflow = File.ReadAllText(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory), "src", "StateMachine", "WORKFLOW.md"));
        var section = workflow[workflow.IndexOf("## Error names", StringComparison.Ordinal)..];
        var next = section.IndexOf("\n## ", 3, StringComparison.Ordinal);
        if (next > 0) section = section[..next];
        var rows = section.Split('\n').Where(l => l.StartsWith('|'));
        return rows.SelectMany(r => Quoted().Matches(r).Select(m => m.Groups[1].Value))
            .Where(n => ErrorName().IsMatch(n)).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<(string Where, string Error)> ErrorNames(JsonObject machine, string name)
    {
        foreach (var (stateName, node) in machine["States"]!.AsObject())
        {
            var state = node!.AsObject();
            foreach (var clause in new[] { "Retry", "Catch" }.SelectMany(k => state[k] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var error in clause["ErrorEquals"]!.AsArray()) yield return ($"{name}.{stateName}", error!.GetValue<string>());
            }

            foreach (var branch in (state["Branches"] as JsonArray ?? []).OfType<JsonObject>().Append(state["ItemProcessor"] as JsonObject).OfType<JsonObject>())
            {
                foreach (var inner in ErrorNames(branch, $"{name}.{stateName}")) yield return inner;
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)?$")]
    private static partial Regex ErrorName();
}
