using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests;

/// <summary>The repository's own pipelines synthesize: onboarding a table is configuration only.</summary>
public class RepositoryPipelinesTests
{
    [Fact]
    public void Every_folder_under_pipelines_becomes_a_stack_named_after_it()
    {
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var work = Directory.CreateTempSubdirectory("infra-repo-").FullName;
        var asset = Directory.CreateDirectory(Path.Combine(work, "tasks")).FullName;
        File.WriteAllText(Path.Combine(asset, "TrainingOrchestration.Tasks.dll"), "placeholder");
        try
        {
            var assembly = InfraApp.Build(new InfraAppOptions
            {
                PipelinesRoot = Path.Combine(root, "pipelines"),
                OutDir = Path.Combine(work, "out"),
                TasksAssetDirectory = asset,
                RepositoryRoot = root,
            }).Synth();

            var expected = Directory.GetDirectories(Path.Combine(root, "pipelines"))
                .Where(d => File.Exists(Path.Combine(d, "pipeline.yaml")))
                .Select(d => "TrainingOrchestration-" + Path.GetFileName(d))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, assembly.Stacks.Select(s => s.StackName).Order(StringComparer.Ordinal));
            foreach (var stack in assembly.Stacks)
            {
                var template = JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile)))!;
                var resources = template["Resources"]!.AsObject().Select(r => r.Value!).ToList();
                // The four workflows, and the change Pipe's enrichment (dynamodb-stream and debezium sources).
                Assert.Equal(5, resources.Count(r => r["Type"]!.GetValue<string>() == "AWS::StepFunctions::StateMachine"));
                var actions = resources.Where(r => r["Type"]!.GetValue<string>() == "AWS::IAM::Policy")
                    .SelectMany(r => r["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
                    .SelectMany(s => s!["Action"] is JsonArray list ? list.Select(a => a!.GetValue<string>()) : [s["Action"]!.GetValue<string>()]);
                Assert.DoesNotContain(actions, a => a.Contains('*'));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
