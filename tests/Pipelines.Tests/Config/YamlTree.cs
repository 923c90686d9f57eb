using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Pipelines.Tests.Config;

/// <summary>A YAML text's content as a canonical string (mappings, sequences, scalar values), ignoring comments and layout.</summary>
public static class YamlTree
{
    public static string Of(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return string.Join("\n---\n", stream.Documents.Select(d => Render(d.RootNode)));
    }

    private static string Render(YamlNode node) => node switch
    {
        YamlScalarNode s => "'" + s.Value + "'",
        YamlSequenceNode q => "[" + string.Join(",", q.Children.Select(Render)) + "]",
        YamlMappingNode m => "{" + string.Join(",", m.Children.Select(p => Render(p.Key) + ":" + Render(p.Value))) + "}",
        _ => "?",
    };
}
