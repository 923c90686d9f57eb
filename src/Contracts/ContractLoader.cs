using TrainingOrchestration.Contracts.Loading;
using TrainingOrchestration.Contracts.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Contracts;

/// <summary>
/// Loads and checks a contract YAML. Called by the CDK app at synth, by <c>validate PIPELINE</c>, and by the
/// validation Lambda on the contract text in <c>PIPELINE_CONFIG</c>, so a contract that would fail at run time is
/// refused before it is deployed. Every problem is reported at once with file, line, column and rule.
/// </summary>
public static class ContractLoader
{
    /// <exception cref="ContractException">The file is missing, is not YAML, or breaks a contract rule.</exception>
    public static DataContract Load(string path)
    {
        if (!File.Exists(path))
        {
            throw ContractException.Single(new SourceLocation(path, 0, 0), null, "contract file not found");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Deeper than any contract needs; YamlDotNet builds the tree recursively, so a hostile file could overflow the stack.</summary>
    public const int MaxDepth = 32;

    /// <summary>Where nesting first exceeds <see cref="MaxDepth"/>, found with the event parser (which does not recurse).</summary>
    private static Mark? TooDeep(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart && ++depth > MaxDepth) return parser.Current.Start;
            if (parser.Current is YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd) depth--;
        }
        return null;
    }

    /// <param name="yaml">The contract text.</param>
    /// <param name="sourceName">What to call the text in errors (its path, or e.g. <c>PIPELINE_CONFIG</c>).</param>
    /// <exception cref="ContractException">The text is not YAML or breaks a contract rule.</exception>
    public static DataContract Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            if (TooDeep(yaml) is { } deep)
                throw ContractException.Single(new SourceLocation(sourceName, (int)deep.Line, (int)deep.Column), null,
                    $"the YAML nests more than {MaxDepth} levels deep; a contract needs a few levels (check for runaway [ or {{).");
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw ContractException.Single(new SourceLocation(sourceName, (int)e.Start.Line, (int)e.Start.Column), null,
                $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections.
            throw ContractException.Single(new SourceLocation(sourceName, 1, 1), null, $"not valid YAML: {e.Message.Split('\n')[0]}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw ContractException.Single(new SourceLocation(sourceName, 1, 1), null, "a contract must be a YAML mapping with 'columns' and 'rules'");
        }

        var diagnostics = new ContractDiagnostics(sourceName);
        var contract = new ContractParser(diagnostics).Parse(root);
        if (diagnostics.Errors.Count > 0 || contract is null)
        {
            throw new ContractException(diagnostics.Errors);
        }
        return contract;
    }
}
