using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Events;
using TrainingOrchestration.LocalRuntime.Ingress;
using TrainingOrchestration.LocalRuntime.Templates;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>The churn stack's own rules, as synthesized, matched against real AWS events and the bundled CDC sample.</summary>
[Collection(ChurnStackCollection.Name)]
public sealed class StackRulePatternTests(ChurnStackFixture stack)
{
    private EventRule Rule(string detailType)
    {
        var environment = new StackEnvironment("TrainingOrchestration-churn");
        var loaded = StackTemplateLoader.Load(stack.TemplatePath, environment with
        {
            Parameters = LocalSourceParameters.For(environment.Region, environment.AccountId),
        });
        return loaded.OfType("AWS::Events::Rule")
            .Select(r => EventRule.FromProperties(r.Name, r.Arn!, r.Properties))
            .Single(r => r.Pattern?.Json.Contains(detailType, StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public void Training_job_rule_takes_SageMakers_documented_event_only_for_the_pipelines_own_jobs()
    {
        Skip.IfNot(SharedFolder.HasEventFixtures, $"shared fixtures not found at {SharedFolder.EventFixtures}");
        var rule = Rule("SageMaker Training Job State Change");
        var documented = JsonNode.Parse(File.ReadAllText(SharedFolder.EventFixture("sagemaker-training-job-state-change.completed.awsdocs.json")))!;
        var ours = documented.DeepClone();
        ours["detail"]!["TrainingJobName"] = "churn-20261123T1000-80e327-r0";
        var stillRunning = ours.DeepClone();
        stillRunning["detail"]!["TrainingJobStatus"] = "InProgress";

        Assert.False(rule.Pattern!.Matches(documented), "another team's job must not reach this pipeline's callback");
        Assert.True(rule.Pattern.Matches(ours));
        Assert.False(rule.Pattern.Matches(stillRunning));
    }

    [SkippableFact]
    public void Cdc_rule_takes_the_bundled_sample_event_and_no_glue_or_s3_event()
    {
        Skip.IfNot(SharedFolder.HasEventFixtures, $"shared fixtures not found at {SharedFolder.EventFixtures}");
        var rule = Rule("Table Change");
        var others = new[] { "glue-job-state-change.succeeded.awsdocs.json", "s3-object-created.eventbridge.aws-lambda-dotnet.json", "eventbridge-generic.powertools-python.json" }
            .Select(f => JsonNode.Parse(File.ReadAllText(SharedFolder.EventFixture(f))));

        Assert.True(rule.Pattern!.Matches(stack.SampleEvent));
        Assert.All(others, e => Assert.False(rule.Pattern.Matches(e)));
    }
}
