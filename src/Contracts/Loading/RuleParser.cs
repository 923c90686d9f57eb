using System.Text.RegularExpressions;
using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Contracts.Loading;

/// <summary>
/// Reads one rule: its check, the keys that check accepts, and whether it makes sense for the columns it names
/// (a range needs a numeric, date or timestamp column; a pattern a string column; and so on).
/// </summary>
internal sealed class RuleParser(ContractDiagnostics diagnostics, YamlValues values, IReadOnlyList<ColumnSpec> columns)
{
    private static readonly string[] Common = ["check", "name", "severity", "description"];

    private static readonly Dictionary<string, (CheckKind Kind, string[] Keys)> Checks = new()
    {
        ["not_null"] = (CheckKind.NotNull, ["column"]),
        ["completeness"] = (CheckKind.Completeness, ["column", "min"]),
        ["unique"] = (CheckKind.Unique, ["column", "columns"]),
        ["primary_key"] = (CheckKind.PrimaryKey, ["column", "columns"]),
        ["allowed_values"] = (CheckKind.AllowedValues, ["column", "values"]),
        ["range"] = (CheckKind.Range, ["column", "min", "max"]),
        ["length"] = (CheckKind.Length, ["column", "min", "max"]),
        ["pattern"] = (CheckKind.Pattern, ["column", "regex"]),
        ["row_count"] = (CheckKind.RowCount, ["min", "max"]),
        ["row_count_change"] = (CheckKind.RowCountChange, ["maxDecrease", "maxIncrease"]),
        ["freshness"] = (CheckKind.Freshness, ["column", "maxAge"]),
        ["mean"] = (CheckKind.Mean, ["column", "min", "max"]),
        ["stddev"] = (CheckKind.StdDev, ["column", "min", "max"]),
        ["quantile"] = (CheckKind.Quantile, ["column", "q", "min", "max"]),
        ["drift"] = (CheckKind.Drift, ["column", "kind", "maxPsi", "bins"]),
        ["expression"] = (CheckKind.Expression, ["expr"]),
        ["glue_job"] = (CheckKind.GlueJob, ["state", "maxExecutionTime", "maxDpuSeconds", "minRowsWritten", "rowsMatchTable"]),
    };

    public RuleSpec? Parse(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(node, null, "each rule must be a mapping with a 'check'");
            return null;
        }
        var checkNode = map.Children.FirstOrDefault(x => (x.Key as YamlScalarNode)?.Value == "check").Value;
        var checkName = checkNode is null ? null : values.Text(checkNode, "check", null);
        if (checkName is null)
        {
            if (checkNode is null) diagnostics.Add(map, null, "a rule needs a 'check'; one of: " + string.Join(", ", Checks.Keys));
            return null;
        }
        if (!Checks.TryGetValue(checkName, out var check))
        {
            diagnostics.Add(checkNode!, checkName, $"unknown check '{checkName}'; use one of: {string.Join(", ", Checks.Keys)}");
            return null;
        }

        var provisionalId = ProvisionalId(map, checkName);
        var keys = values.Keys(map, [.. Common, .. check.Keys], provisionalId);
        var before = diagnostics.Errors.Count;
        var rule = new RuleSpec
        {
            Id = provisionalId,
            Check = check.Kind,
            Severity = keys.TryGetValue("severity", out var s) ? ParseSeverity(values, diagnostics, s, provisionalId) ?? Severity.Error : Severity.Error,
            Location = diagnostics.At(map),
        };
        rule = ReadColumns(rule, keys, map);
        rule = new RuleOptions(diagnostics, values, columns).Read(rule, keys, map);
        return diagnostics.Errors.Count > before ? null : rule;
    }

    private string ProvisionalId(YamlMappingNode map, string check)
    {
        string? Scalar(string key) => (map.Children.FirstOrDefault(x => (x.Key as YamlScalarNode)?.Value == key).Value as YamlScalarNode)?.Value;
        var name = Scalar("name");
        if (name is not null) return name;
        var column = Scalar("column");
        if (column is not null) return $"{check}:{column}";
        if (map.Children.FirstOrDefault(x => (x.Key as YamlScalarNode)?.Value == "columns").Value is YamlSequenceNode list)
        {
            return $"{check}:{string.Join('+', list.OfType<YamlScalarNode>().Select(x => x.Value))}";
        }
        return check;
    }

    private RuleSpec ReadColumns(RuleSpec rule, Dictionary<string, YamlNode> keys, YamlMappingNode map)
    {
        var names = new List<string>();
        if (keys.TryGetValue("column", out var c) && values.Text(c, "column", rule.Id) is { } one) names.Add(one);
        if (keys.TryGetValue("columns", out var cs) && values.TextList(cs, "columns", rule.Id) is { } many) names.AddRange(many);
        foreach (var name in names)
        {
            if (columns.All(x => x.Name != name))
            {
                diagnostics.Add(keys.GetValueOrDefault("column") ?? keys["columns"], rule.Id, $"column '{name}' is not declared under columns:");
            }
        }
        var needsColumn = rule.Check is not (CheckKind.RowCount or CheckKind.RowCountChange or CheckKind.Expression or CheckKind.GlueJob or CheckKind.Freshness);
        if (needsColumn && names.Count == 0) diagnostics.Add(map, rule.Id, $"'{rule.Check}' needs a 'column'");
        return rule with { Columns = names };
    }

    internal static Severity? ParseSeverity(YamlValues values, ContractDiagnostics diagnostics, YamlNode node, string? rule)
    {
        var text = values.Text(node, "severity", rule);
        if (text is "error") return Severity.Error;
        if (text is "warn" or "warning") return Severity.Warn;
        if (text is not null) diagnostics.Add(node, rule, $"'severity' must be error or warn, found '{text}'");
        return null;
    }

    internal static bool IsNumeric(ColumnType type) => type is ColumnType.Integer or ColumnType.Decimal or ColumnType.Boolean or ColumnType.Timestamp or ColumnType.Date;

    internal static bool IsValidRegex(string pattern, out string? error)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }

    internal static bool Coerces(string text, ColumnType type, out double number) =>
        CellCoercion.Coerce(text, type, out number) == CellState.Value;

    internal static RowPredicate? ParseExpression(string text, IReadOnlyList<ColumnSpec> columns, out string? error)
    {
        try
        {
            error = null;
            return ExpressionParser.Parse(text, columns);
        }
        catch (ExpressionSyntaxException e)
        {
            error = e.Message;
            return null;
        }
    }
}
