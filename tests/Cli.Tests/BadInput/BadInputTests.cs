using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.Cli.Tests.BadInput;

/// <summary>
/// Every bad input gets one clear message and a non-zero exit: no stack trace, the file and the field (or rule, or
/// position) named, and nothing in the pipeline folder or the repository changed. Run through <c>validate</c>, the
/// gate <c>synth</c> and <c>run</c> share.
/// </summary>
public sealed class BadInputTests
{
    [Theory]
    [MemberData(nameof(BadInputCases.Names), MemberType = typeof(BadInputCases))]
    public async Task A_bad_input_is_refused_with_one_clear_message_and_changes_nothing(string name)
    {
        var badInput = BadInputCases.Named(name);
        using var copy = new PipelineCopy();
        badInput.Break(copy.Folder);
        var before = PipelineCopy.Fingerprint(copy.Folder);
        var repository = PipelineCopy.Fingerprint(Path.Combine(CliProcess.RepositoryRoot, "pipelines"));

        var workspace = Path.Combine(copy.Root, BadInputCases.WorkspaceName);
        var arguments = (badInput.Arguments ?? []).Select(a => a.Replace("{folder}", copy.Folder, StringComparison.Ordinal)).ToList();
        if (badInput.Command == "run") arguments.AddRange(["--workspace", workspace]);
        using var held = badInput.HoldWorkspace ? WorkspaceLock.Acquire(workspace) : null;

        var (exit, output, error) = await CliProcess.RunAsync([badInput.Command, "churn", "--pipelines", copy.Pipelines, .. arguments]);

        var all = output + error;
        Assert.True(exit != 0, $"exit 0 for a bad input:\n{all}");
        Assert.DoesNotContain("   at ", all);
        Assert.Contains(badInput.File, error);
        Assert.Contains(badInput.Names, error);
        Assert.Equal(before, PipelineCopy.Fingerprint(copy.Folder));
        Assert.Equal(repository, PipelineCopy.Fingerprint(Path.Combine(CliProcess.RepositoryRoot, "pipelines")));
        Assert.Empty(Directory.Exists(workspace) ? Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}raw{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) : []);
    }

    [Fact]
    public void The_suite_covers_every_family_with_breadth()
    {
        var families = BadInputCases.All.GroupBy(c => c.Family).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(BadInputCases.All.Length >= 40, $"{BadInputCases.All.Length} cases");
        Assert.All(new[] { "spec", "contract", "sql", "data", "events" }, f => Assert.True(families.GetValueOrDefault(f) >= 5, $"{f}: {families.GetValueOrDefault(f)}"));
    }
}
