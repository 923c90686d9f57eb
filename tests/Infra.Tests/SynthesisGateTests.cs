using TrainingOrchestration.Contracts;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests;

/// <summary>A bad pipeline folder must stop synthesis with a message naming what is wrong and where.</summary>
public sealed class SynthesisGateTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("infra-gate-").FullName;

    private static string Fixture(string pipeline) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipelines", pipeline);

    private string CopyFixture(string pipeline, string? asName = null)
    {
        var target = Path.Combine(_root, "pipelines", asName ?? pipeline);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Fixture(pipeline)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private Exception Synthesize() => Record.Exception(() => InfraApp.Build(new InfraAppOptions
    {
        PipelinesRoot = Path.Combine(_root, "pipelines"),
        OutDir = Path.Combine(_root, "out"),
        TasksAssetDirectory = Directory.CreateDirectory(Path.Combine(_root, "tasks")).FullName,
        RepositoryRoot = RepositoryRoot.Find(AppContext.BaseDirectory),
    }))!;

    [Fact]
    public void A_split_that_does_not_sum_to_one_fails_synthesis_with_the_loaders_location()
    {
        var folder = CopyFixture("fraud");
        var yaml = Path.Combine(folder, "pipeline.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("test: 0.1", "test: 0.3"));

        var error = Assert.IsType<PipelineSpecException>(Synthesize());

        Assert.Contains(yaml, error.Message);
        Assert.Contains("split", error.Message);
    }

    [Fact]
    public void A_broken_contract_fails_synthesis_with_the_contract_loaders_message()
    {
        var folder = CopyFixture("fraud");
        File.WriteAllText(Path.Combine(folder, "contract.yaml"), "contract: payments\ncolumns:\n  - { name: payment_id, type: varchar }\n");

        var error = Assert.IsType<ContractException>(Synthesize());

        Assert.Contains("contract.yaml", error.Message);
    }

    [Fact]
    public void Two_pipelines_whose_job_names_would_share_a_prefix_are_refused()
    {
        CopyFixture("leads");
        var other = CopyFixture("leads", "leads-eu");
        var yaml = Path.Combine(other, "pipeline.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("name: leads", "name: leads-eu"));

        var error = Assert.IsType<InvalidOperationException>(Synthesize());

        Assert.Contains("'leads-eu'", error.Message);
        Assert.Contains("callback rule", error.Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
