using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// A YAML mapping being read as one section of the spec (<c>training</c>, <c>cadence.quietHours</c>, ...).
/// Every accessor reports problems to the shared <see cref="SpecErrorList"/> with the node's line and column and
/// returns null instead of throwing, so one pass finds every error. Keys must be declared up front so that
/// unknown keys can be reported with the nearest known one.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode node;
    private readonly SpecErrorList errors;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> misspelt = new(StringComparer.Ordinal);

    public YamlSection(YamlMappingNode node, string path, SpecErrorList errors, IReadOnlyCollection<string> knownKeys)
    {
        this.node = node;
        this.errors = errors;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!knownKeys.Contains(name))
            {
                errors.Add(key.Start, FieldOf(name), $"unknown key '{name}'.", NearestName.Hint(name, knownKeys));
                // A misspelt required key is reported once, as unknown with its correction, not also as missing.
                if (NearestName.Find(name, knownKeys) is { } intended) misspelt.Add(intended);
                continue;
            }
            entries[name] = (key, value);
        }
    }

    public string Path { get; }
    public Mark Start => node.Start;

    public string FieldOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>Whether <paramref name="key"/> holds a mapping (a section may be written as a word or as a mapping).</summary>
    public bool HasMapping(string key) => entries.TryGetValue(key, out var e) && e.Value is YamlMappingNode;

    /// <summary>Where the value of <paramref name="key"/> starts, or the section itself when the key is absent.</summary>
    public Mark MarkOf(string key) => entries.TryGetValue(key, out var e) ? e.Value.Start : node.Start;

    public void Error(string key, string problem, string fix) => errors.Add(MarkOf(key), FieldOf(key), problem, fix);

    public void ErrorAt(Mark at, string field, string problem, string fix) => errors.Add(at, field, problem, fix);

    /// <summary>An error located in another file the field names (the feature SQL), not in pipeline.yaml.</summary>
    public void ErrorInFile(string file, long line, long column, string field, string problem, string fix) =>
        errors.AddIn(file, line, column, field, problem, fix);

    public YamlSection? Section(string key, bool required, IReadOnlyCollection<string> knownKeys)
    {
        var value = Value(key, required, "a mapping (indented keys below it)", $"{key}:\n    ...");
        if (value is null) return null;
        if (value is YamlMappingNode map) return new YamlSection(map, FieldOf(key), errors, knownKeys);
        Error(key, $"expected a mapping but found {Describe(value)}.", $"Indent the keys of '{key}' below it.");
        return null;
    }

    public YamlMappingNode? Mapping(string key, bool required)
    {
        var value = Value(key, required, "a mapping", $"{key}: {{ ... }}");
        if (value is null) return null;
        if (value is YamlMappingNode map) return map;
        Error(key, $"expected a mapping but found {Describe(value)}.", $"Write '{key}' as indented 'name: value' lines.");
        return null;
    }

    public IReadOnlyList<string>? StringList(string key, bool required)
    {
        var value = Value(key, required, "a list of strings", $"{key}: [a, b]");
        if (value is null) return null;
        if (value is not YamlSequenceNode list)
        {
            Error(key, $"expected a list but found {Describe(value)}.", $"Write it as [a, b] or as '- a' lines.");
            return null;
        }
        var items = new List<string>();
        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { } s }) items.Add(s);
            else errors.Add(item.Start, FieldOf(key), $"expected a string but found {Describe(item)}.", "Make each item a plain value.");
        }
        return items;
    }

    public string? String(string key, bool required, string example = "text")
    {
        var scalar = Scalar(key, required, "a string", example);
        if (scalar is null) return null;
        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(key, "is empty.", $"Give it a value, e.g. '{key}: {example}'.");
            return null;
        }
        return scalar.Value;
    }

    public int? Int(string key, bool required, int min, int max = int.MaxValue, string example = "1")
    {
        var scalar = Scalar(key, required, "an integer", example);
        if (scalar is null) return null;
        if (!int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            Error(key, $"expected an integer but found '{scalar.Value}'.", $"Write a whole number, e.g. '{key}: {example}'.");
            return null;
        }
        if (n < min || n > max)
        {
            var range = max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            Error(key, $"{n} is out of range.", $"Use a whole number {range}.");
            return null;
        }
        return n;
    }

    public double? Double(string key, bool required, string example = "0.5")
    {
        var scalar = Scalar(key, required, "a number", example);
        if (scalar is null) return null;
        if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            Error(key, $"expected a number but found '{scalar.Value}'.", $"Write a number, e.g. '{key}: {example}'.");
            return null;
        }
        return x;
    }

    public bool? Bool(string key, bool required)
    {
        var scalar = Scalar(key, required, "true or false", "true");
        if (scalar is null) return null;
        if (scalar.Value is "true" or "True" or "TRUE") return true;
        if (scalar.Value is "false" or "False" or "FALSE") return false;
        Error(key, $"expected true or false but found '{scalar.Value}'.", "Write true or false.");
        return null;
    }

    public TimeSpan? Duration(string key, bool required, string example = "6h")
    {
        var scalar = Scalar(key, required, "a duration", example);
        if (scalar is null) return null;
        if (!DurationText.TryParse(scalar.Value ?? "", out var d))
        {
            Error(key, $"expected a duration but found '{scalar.Value}'.",
                "Write a number with a unit d, h, m or s, e.g. 30m, 6h, 7d or 1h30m.");
            return null;
        }
        return d;
    }

    public YamlScalarNode? Scalar(string key, bool required, string expected, string example)
    {
        var value = Value(key, required, expected, $"{key}: {example}");
        if (value is null) return null;
        if (value is YamlScalarNode scalar) return scalar;
        Error(key, $"expected {expected} but found {Describe(value)}.", $"Write a single value, e.g. '{key}: {example}'.");
        return null;
    }

    private YamlNode? Value(string key, bool required, string expected, string example)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            if (entry.Value is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain })
            {
                errors.Add(entry.Key.Start, FieldOf(key), "has no value.", $"Give it {expected}, e.g. '{example}'.");
                return null;
            }
            return entry.Value;
        }
        if (required && !misspelt.Contains(key))
        {
            var where = Path.Length == 0 ? "the top level" : $"'{Path}'";
            errors.Add(node.Start, FieldOf(key), $"missing required field '{key}' ({expected}).",
                $"Add '{example}' under {where}.");
        }
        return null;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };
}
