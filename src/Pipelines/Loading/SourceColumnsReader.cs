using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Spec;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Reads <c>source.columns</c>: a mapping of column name to type (<c>string</c>, <c>integer</c>, <c>number</c>,
/// <c>boolean</c>, <c>json</c>) in source order. Each problem is reported at the offending key or value.
/// </summary>
internal static partial class SourceColumnsReader
{
    public static readonly IReadOnlyDictionary<string, SourceColumnType> Types = new Dictionary<string, SourceColumnType>
    {
        ["string"] = SourceColumnType.String,
        ["integer"] = SourceColumnType.Integer,
        ["number"] = SourceColumnType.Number,
        ["boolean"] = SourceColumnType.Boolean,
        ["json"] = SourceColumnType.Json,
    };

    public static IReadOnlyList<SourceColumn>? Read(YamlSection source)
    {
        var map = source.Mapping("columns", required: true);
        if (map is null) return null;
        var columns = new List<SourceColumn>();
        var ok = true;
        var field = source.FieldOf("columns");
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!ColumnName().IsMatch(name) || name.StartsWith("__", StringComparison.Ordinal))
            {
                source.ErrorAt(keyNode.Start, $"{field}.{name}", $"'{name}' is not a usable column name.",
                    "Use letters, digits and underscores, not starting with a digit or '__' (it becomes a SQL identifier and a JSON path).");
                ok = false;
                continue;
            }
            if (columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                source.ErrorAt(keyNode.Start, $"{field}.{name}", $"column '{name}' is declared twice.", "Declare each column once.");
                ok = false;
                continue;
            }
            var typeText = (valueNode as YamlScalarNode)?.Value ?? "";
            if (!Types.TryGetValue(typeText, out var type))
            {
                source.ErrorAt(valueNode.Start, $"{field}.{name}", $"'{typeText}' is not a column type.",
                    NearestName.Hint(typeText, Types.Keys.ToList()));
                ok = false;
                continue;
            }
            columns.Add(new SourceColumn(name, type));
        }
        if (ok && columns.Count == 0)
        {
            source.Error("columns", "declares no columns.", "List the table's columns as 'name: type' lines, or remove 'columns'.");
            return null;
        }
        return ok ? columns : null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex ColumnName();
}
