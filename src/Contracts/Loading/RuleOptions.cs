using TrainingOrchestration.Contracts.Model;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Contracts.Loading;

/// <summary>Reads the options of each check and checks that they fit the column they apply to.</summary>
internal sealed class RuleOptions(ContractDiagnostics diagnostics, YamlValues values, IReadOnlyList<ColumnSpec> columns)
{
    public RuleSpec Read(RuleSpec rule, Dictionary<string, YamlNode> keys, YamlMappingNode map)
    {
        var column = rule.Column is null ? null : columns.FirstOrDefault(c => c.Name == rule.Column);
        var id = rule.Id;
        switch (rule.Check)
        {
            case CheckKind.Completeness:
                rule = rule with { Min = Required(keys, map, "min", id, n => values.Fraction(n, "min", id)) };
                break;
            case CheckKind.AllowedValues:
                rule = rule with { Values = ReadAllowedValues(keys, map, id, column) };
                break;
            case CheckKind.Range:
                RequireType(column, keys, id, RuleParser.IsNumeric, "a numeric, boolean, date or timestamp");
                rule = ReadBounds(rule, keys, map, column);
                break;
            case CheckKind.Length:
                RequireType(column, keys, id, t => t == ColumnType.String, "a string");
                rule = ReadBounds(rule, keys, map, null);
                break;
            case CheckKind.Mean or CheckKind.StdDev:
                RequireType(column, keys, id, t => t is ColumnType.Integer or ColumnType.Decimal or ColumnType.Boolean, "an integer, decimal or boolean");
                rule = ReadBounds(rule, keys, map, null);
                break;
            case CheckKind.Quantile:
                RequireType(column, keys, id, RuleParser.IsNumeric, "a numeric, date or timestamp");
                rule = ReadBounds(rule, keys, map, column) with { Quantile = Required(keys, map, "q", id, n => values.Fraction(n, "q", id)) };
                break;
            case CheckKind.RowCount:
                rule = ReadBounds(rule, keys, map, null);
                break;
            case CheckKind.Pattern:
                RequireType(column, keys, id, t => t == ColumnType.String, "a string");
                rule = rule with { Pattern = ReadRegex(keys, map, id) };
                break;
            case CheckKind.RowCountChange:
                rule = rule with
                {
                    MaxDecrease = keys.TryGetValue("maxDecrease", out var d) ? values.Fraction(d, "maxDecrease", id) : null,
                    MaxIncrease = keys.TryGetValue("maxIncrease", out var i) ? values.Number(i, "maxIncrease", id) : null,
                };
                if (!keys.ContainsKey("maxDecrease") && !keys.ContainsKey("maxIncrease")) diagnostics.Add(map, id, "'row_count_change' needs 'maxDecrease' and/or 'maxIncrease' (fractions of the last accepted run's rows)");
                break;
            case CheckKind.Freshness:
                if (column is not null) RequireType(column, keys, id, t => t is ColumnType.Timestamp or ColumnType.Date, "a timestamp or date");
                rule = rule with { MaxAge = Required(keys, map, "maxAge", id, n => values.Duration(n, "maxAge", id)) };
                break;
            case CheckKind.Drift:
                rule = ReadDrift(rule, keys, column);
                break;
            case CheckKind.Expression:
                rule = rule with { Expression = ReadExpression(keys, map, id) };
                break;
            case CheckKind.GlueJob:
                rule = rule with { Glue = ReadGlue(keys, id) };
                break;
        }
        return rule;
    }

    private RuleSpec ReadBounds(RuleSpec rule, Dictionary<string, YamlNode> keys, YamlMappingNode map, ColumnSpec? column)
    {
        double? Bound(string key)
        {
            if (!keys.TryGetValue(key, out var node)) return null;
            if (column?.Type is ColumnType.Timestamp or ColumnType.Date)
            {
                var text = values.Text(node, key, rule.Id);
                if (text is not null && RuleParser.Coerces(text, column.Type, out var instant)) return instant;
                if (text is not null) diagnostics.Add(node, rule.Id, $"'{key}' must be a {column.Type.ToString().ToLowerInvariant()} (ISO 8601), found '{text}'");
                return null;
            }
            return values.Number(node, key, rule.Id);
        }
        var min = Bound("min");
        var max = Bound("max");
        if (!keys.ContainsKey("min") && !keys.ContainsKey("max")) diagnostics.Add(map, rule.Id, "needs 'min' and/or 'max'");
        if (min > max) diagnostics.Add(keys["min"], rule.Id, $"'min' ({min}) is greater than 'max' ({max})");
        return rule with { Min = min, Max = max };
    }

    private IReadOnlyList<string> ReadAllowedValues(Dictionary<string, YamlNode> keys, YamlMappingNode map, string id, ColumnSpec? column)
    {
        var list = Required(keys, map, "values", id, n => values.TextList(n, "values", id)) ?? [];
        if (keys.ContainsKey("values") && list.Count == 0) diagnostics.Add(keys["values"], id, "'values' must list at least one value");
        if (column is null) return list;
        foreach (var value in list.Where(v => !RuleParser.Coerces(v, column.Type, out _)))
        {
            diagnostics.Add(keys["values"], id, $"value '{value}' is not a valid {column.Type.ToString().ToLowerInvariant()} for column '{column.Name}'");
        }
        return list;
    }

    private string? ReadRegex(Dictionary<string, YamlNode> keys, YamlMappingNode map, string id)
    {
        var pattern = Required(keys, map, "regex", id, n => values.Text(n, "regex", id));
        if (pattern is not null && !RuleParser.IsValidRegex(pattern, out var error))
        {
            diagnostics.Add(keys["regex"], id, $"'regex' is not a valid .NET regular expression: {error}");
        }
        return pattern;
    }

    private RuleSpec ReadDrift(RuleSpec rule, Dictionary<string, YamlNode> keys, ColumnSpec? column)
    {
        var kind = column?.Type is ColumnType.String or ColumnType.Boolean ? DriftKind.Categorical : DriftKind.Numeric;
        if (keys.TryGetValue("kind", out var k))
        {
            var text = values.Text(k, "kind", rule.Id);
            if (text is "categorical") kind = DriftKind.Categorical;
            else if (text is "numeric") kind = DriftKind.Numeric;
            else if (text is not null) diagnostics.Add(k, rule.Id, $"'kind' must be categorical or numeric, found '{text}'");
        }
        if (kind == DriftKind.Numeric && column is not null && !RuleParser.IsNumeric(column.Type))
        {
            diagnostics.Add(keys["column"], rule.Id, $"numeric drift needs a numeric column; '{column.Name}' is {column.Type.ToString().ToLowerInvariant()} (use kind: categorical)");
        }
        var maxPsi = keys.TryGetValue("maxPsi", out var p) ? values.Number(p, "maxPsi", rule.Id) : 0.2;
        if (maxPsi <= 0) diagnostics.Add(p!, rule.Id, "'maxPsi' must be positive (0.1 is a small shift, 0.25 a large one)");
        var bins = keys.TryGetValue("bins", out var b) ? values.Integer(b, "bins", rule.Id, 2, 100) ?? 10 : 10;
        return rule with { DriftKind = kind, MaxPsi = maxPsi, Bins = bins };
    }

    private string? ReadExpression(Dictionary<string, YamlNode> keys, YamlMappingNode map, string id)
    {
        var text = Required(keys, map, "expr", id, n => values.Text(n, "expr", id));
        if (text is not null && RuleParser.ParseExpression(text, columns, out var error) is null)
        {
            diagnostics.Add(keys["expr"], id, $"'expr' is not a valid predicate: {error}");
        }
        return text;
    }

    private GlueJobLimits ReadGlue(Dictionary<string, YamlNode> keys, string id)
    {
        var state = keys.TryGetValue("state", out var s) ? values.Text(s, "state", id) ?? "SUCCEEDED" : "SUCCEEDED";
        var time = keys.TryGetValue("maxExecutionTime", out var t) ? values.Duration(t, "maxExecutionTime", id) : null;
        var dpu = keys.TryGetValue("maxDpuSeconds", out var d) ? values.Number(d, "maxDpuSeconds", id) : null;
        var rows = keys.TryGetValue("minRowsWritten", out var r) ? values.Integer(r, "minRowsWritten", id, 0, int.MaxValue) : null;
        var match = !keys.TryGetValue("rowsMatchTable", out var m) || (values.Boolean(m, "rowsMatchTable", id) ?? true);
        return new GlueJobLimits(state, time, dpu, rows, match);
    }

    private void RequireType(ColumnSpec? column, Dictionary<string, YamlNode> keys, string id, Func<ColumnType, bool> accepts, string what)
    {
        if (column is null || accepts(column.Type)) return;
        diagnostics.Add(keys["column"], id, $"needs {what} column; '{column.Name}' is {column.Type.ToString().ToLowerInvariant()}");
    }

    private T? Required<T>(Dictionary<string, YamlNode> keys, YamlMappingNode map, string key, string id, Func<YamlNode, T?> read)
    {
        if (keys.TryGetValue(key, out var node)) return read(node);
        diagnostics.Add(map, id, $"missing '{key}'");
        return default;
    }
}
