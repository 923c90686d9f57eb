using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Contracts.Loading;

/// <summary>Reads typed scalars out of YAML nodes, reporting a located error instead of throwing.</summary>
internal sealed partial class YamlValues(ContractDiagnostics diagnostics)
{
    public string? Text(YamlNode node, string key, string? rule)
    {
        if (node is YamlScalarNode scalar && scalar.Value is not null) return scalar.Value;
        diagnostics.Add(node, rule, $"'{key}' must be a single value");
        return null;
    }

    public double? Number(YamlNode node, string key, string? rule)
    {
        var text = Text(node, key, rule);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        diagnostics.Add(node, rule, $"'{key}' must be a number, found '{text}'");
        return null;
    }

    public double? Fraction(YamlNode node, string key, string? rule)
    {
        var value = Number(node, key, rule);
        if (value is null or (>= 0 and <= 1)) return value;
        diagnostics.Add(node, rule, $"'{key}' must be a fraction between 0 and 1, found {value}");
        return null;
    }

    public int? Integer(YamlNode node, string key, string? rule, int min, int max)
    {
        var text = Text(node, key, rule);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        diagnostics.Add(node, rule, $"'{key}' must be a whole number from {min} to {max}, found '{text}'");
        return null;
    }

    public bool? Boolean(YamlNode node, string key, string? rule)
    {
        var text = Text(node, key, rule);
        if (text is null) return null;
        if (bool.TryParse(text, out var value)) return value;
        diagnostics.Add(node, rule, $"'{key}' must be true or false, found '{text}'");
        return null;
    }

    /// <summary>Durations as <c>90s</c>, <c>30m</c>, <c>6h</c>, <c>7d</c>.</summary>
    public TimeSpan? Duration(YamlNode node, string key, string? rule)
    {
        var text = Text(node, key, rule);
        if (text is null) return null;
        var match = DurationPattern().Match(text);
        if (match.Success)
        {
            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }
        diagnostics.Add(node, rule, $"'{key}' must be a duration such as 90s, 30m, 6h or 7d, found '{text}'");
        return null;
    }

    public IReadOnlyList<string>? TextList(YamlNode node, string key, string? rule)
    {
        if (node is YamlScalarNode { Value: not null } single) return [single.Value];
        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Add(node, rule, $"'{key}' must be a list");
            return null;
        }
        var values = new List<string>();
        foreach (var item in sequence)
        {
            var text = Text(item, key, rule);
            if (text is not null) values.Add(text);
        }
        return values;
    }

    /// <summary>The mapping's entries by key, reporting keys that are not in <paramref name="allowed"/> (typos fail loudly).</summary>
    public Dictionary<string, YamlNode> Keys(YamlMappingNode map, HashSet<string> allowed, string? rule)
    {
        var result = new Dictionary<string, YamlNode>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null || !allowed.Contains(key))
            {
                diagnostics.Add(keyNode, rule, $"unknown key '{key}'; expected one of: {string.Join(", ", allowed)}");
                continue;
            }
            if (!result.TryAdd(key, valueNode)) diagnostics.Add(keyNode, rule, $"key '{key}' appears twice");
        }
        return result;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(s|m|h|d)$")]
    private static partial Regex DurationPattern();
}
