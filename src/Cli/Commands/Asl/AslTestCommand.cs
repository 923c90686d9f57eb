using System.CommandLine;
using TrainingOrchestration.Asl.Conformance;

namespace TrainingOrchestration.Cli.Commands.Asl;

/// <summary>
/// <c>asl test FILE.jsonl…</c>: runs conformance corpora; prints pass counts by feature and query language,
/// the ids of failing cases with what differed, and a last line <c>N passed, M failed</c>.
/// </summary>
internal static class AslTestCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Corpus files in the ../shared/conformance line format.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("test", "Run ASL conformance corpora against the engine.");
        command.Arguments.Add(files);
        command.SetAction(async parseResult =>
        {
            var cases = parseResult.GetValue(files)!.SelectMany(file => ConformanceRunner.Load(file.FullName));
            var results = await ConformanceRunner.RunAllAsync(cases);
            Console.WriteLine(ConformanceReport.Render(results));
            return results.All(r => r.Passed) ? 0 : 1;
        });
        return command;
    }
}
