using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Finds where a dotted field (for example <c>features.label</c>) is written in a pipeline.yaml that has already loaded,
/// so checks made after loading (against the SQL's output, the sample, the event) point at the line to change.
/// </summary>
public static class SpecFieldLocator
{
    /// <summary>The 1-based line and column of the field's value, or of the deepest mapping found on its path.</summary>
    public static (long Line, long Column) Locate(string yamlFile, string dottedField)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(yamlFile)) stream.Load(reader);
        YamlNode node = stream.Documents[0].RootNode;
        foreach (var key in dottedField.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child)) break;
            node = child;
        }
        return (node.Start.Line, node.Start.Column);
    }
}
