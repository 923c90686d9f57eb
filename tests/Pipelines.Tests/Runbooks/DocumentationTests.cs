using System.Text.RegularExpressions;

namespace TrainingOrchestration.Pipelines.Tests.Runbooks;

/// <summary>
/// The documents a newcomer follows (README.md, infra/README.md, runbooks/, the pipelines' READMEs, ARCHITECTURE.md)
/// must stay true of the code: every CLI command they tell you to run exists, every repository path they name exists,
/// and every relative link resolves.
/// </summary>
public sealed partial class DocumentationTests
{
    public static TheoryData<string> Documents()
    {
        var root = RepositoryPaths.Root;
        var files = new[] { "README.md", "ARCHITECTURE.md", Path.Combine("infra", "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "runbooks"), "*.md").Select(f => Path.GetRelativePath(root, f)))
            .Concat(Directory.GetDirectories(Path.Combine(root, "pipelines")).Select(d => Path.Combine(Path.GetRelativePath(root, d), "README.md")))
            .Where(f => File.Exists(Path.Combine(root, f)));
        return new TheoryData<string>(files.Order());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_cli_command_a_document_tells_you_to_run_exists(string document)
    {
        var commands = CliCommands();
        var unknown = CliInvocation().Matches(Read(document)).Select(m => m.Groups[1].Value).Where(c => !commands.Contains(c)).Distinct().ToList();

        Assert.True(unknown.Count == 0, $"{document} names CLI commands that do not exist: {string.Join(", ", unknown)} (known: {string.Join(", ", commands.Order())})");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_repository_path_a_document_names_exists(string document)
    {
        var missing = QuotedPath().Matches(Read(document)).Select(m => m.Groups[1].Value.TrimEnd('/'))
            .Where(p => !p.Contains('<') && !p.Contains('*') && !p.Contains('{'))
            .Where(p => !File.Exists(Path.Combine(RepositoryPaths.Root, p)) && !Directory.Exists(Path.Combine(RepositoryPaths.Root, p)))
            .Distinct().ToList();

        Assert.True(missing.Count == 0, $"{document} names paths that do not exist: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_in_a_document_resolves(string document)
    {
        var folder = Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, document))!;
        var broken = RelativeLink().Matches(Read(document)).Select(m => m.Groups[1].Value)
            .Where(target => !File.Exists(Path.Combine(folder, target)) && !Directory.Exists(Path.Combine(folder, target)))
            .Distinct().ToList();

        Assert.True(broken.Count == 0, $"{document} has broken links: {string.Join(", ", broken)}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_trigger_reason_a_document_quotes_is_one_the_cadence_policy_gives(string document)
    {
        var reasons = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Tasks", "Cadence", "CadenceReason.cs"));
        var unknown = QuotedReason().Matches(Read(document)).Select(m => m.Groups[1].Value)
            .Where(r => !reasons.Contains($"\"{r}\"", StringComparison.Ordinal)).Distinct().ToList();

        Assert.True(unknown.Count == 0, $"{document} quotes trigger reasons the code never gives: {string.Join(", ", unknown)}");
    }

    private static string Read(string document) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, document));

    /// <summary>The top-level commands the CLI registers: each command file creates <c>new Command("name", ...)</c>.</summary>
    private static HashSet<string> CliCommands() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Cli", "Commands"), "*Command.cs", SearchOption.AllDirectories)
            .SelectMany(f => CommandDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?:reason|START|SKIP) `([a-z][a-z-]+)`")]
    private static partial Regex QuotedReason();

    [GeneratedRegex(@"src/Cli\s+--\s+([a-z][a-z-]*)")]
    private static partial Regex CliInvocation();

    [GeneratedRegex(@"new Command\(""([a-z][a-z-]*)""")]
    private static partial Regex CommandDeclaration();

    /// <summary>Paths in backticks that start at a top-level folder of the repository.</summary>
    [GeneratedRegex(@"`((?:src|infra|tests|bench|pipelines|runbooks|tools)/[A-Za-z0-9_./-]+)`")]
    private static partial Regex QuotedPath();

    [GeneratedRegex(@"\]\(((?!https?:|mailto:|#)[^)#\s]+)(?:#[^)]*)?\)")]
    private static partial Regex RelativeLink();
}
