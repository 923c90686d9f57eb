using TrainingOrchestration.Contracts.Model;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Contracts.Loading;

/// <summary>Reads the top level of a contract: name, version, columns, schema options and the rule list.</summary>
internal sealed class ContractParser(ContractDiagnostics diagnostics)
{
    private static readonly HashSet<string> TopLevelKeys = ["contract", "version", "description", "exampleRows", "nullValues", "csv", "schema", "columns", "rules"];
    private readonly YamlValues values = new(diagnostics);

    public DataContract? Parse(YamlMappingNode root)
    {
        var keys = values.Keys(root, TopLevelKeys, null);
        var name = keys.TryGetValue("contract", out var n) ? values.Text(n, "contract", null) : null;
        if (name is null && !keys.ContainsKey("contract")) diagnostics.Add(root, null, "missing 'contract' (the contract's name)");
        var version = keys.TryGetValue("version", out var v) ? values.Text(v, "version", null) ?? "" : "1";
        var exampleRows = keys.TryGetValue("exampleRows", out var e) ? values.Integer(e, "exampleRows", null, 0, 1000) ?? 5 : 5;
        var nullValues = keys.TryGetValue("nullValues", out var nv) ? values.TextList(nv, "nullValues", null) ?? [] : [];
        var csv = keys.TryGetValue("csv", out var d) ? ParseCsv(d) : CsvDialect.Default;

        var columns = keys.TryGetValue("columns", out var c) ? ParseColumns(c) : null;
        if (columns is null && !keys.ContainsKey("columns")) diagnostics.Add(root, null, "missing 'columns' (the table's columns, in order, with their types)");
        columns ??= [];
        var schema = keys.TryGetValue("schema", out var s) ? ParseSchema(s) : new SchemaSpec(ColumnOrder.Strict, false, Severity.Error);

        var rules = new List<RuleSpec>();
        if (keys.TryGetValue("rules", out var r))
        {
            if (r is YamlSequenceNode list)
            {
                var ruleParser = new RuleParser(diagnostics, values, columns);
                foreach (var item in list)
                {
                    var rule = ruleParser.Parse(item);
                    if (rule is not null) rules.Add(rule);
                }
            }
            else
            {
                diagnostics.Add(r, null, "'rules' must be a list of rules, each with a 'check'");
            }
        }
        foreach (var duplicate in rules.GroupBy(x => x.Id).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            diagnostics.Add(duplicate.Location, duplicate.Id, "two rules have this name; give one a distinct 'name'");
        }

        return name is null ? null : new DataContract
        {
            Name = name,
            Version = version,
            SourceFile = diagnostics.File,
            Columns = columns,
            Schema = schema,
            Rules = rules,
            NullValues = nullValues,
            Csv = csv,
            ExampleRows = exampleRows,
        };
    }

    private List<ColumnSpec>? ParseColumns(YamlNode node)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            diagnostics.Add(node, null, "'columns' must be a non-empty list of { name, type }");
            return null;
        }
        var columns = new List<ColumnSpec>();
        foreach (var item in list)
        {
            if (item is not YamlMappingNode map)
            {
                diagnostics.Add(item, null, "each column must be a mapping { name, type }");
                continue;
            }
            var keys = values.Keys(map, ["name", "type", "description"], null);
            var name = keys.TryGetValue("name", out var n) ? values.Text(n, "name", null) : null;
            if (name is null)
            {
                if (!keys.ContainsKey("name")) diagnostics.Add(map, null, "a column needs a 'name'");
                continue;
            }
            if (columns.Any(x => x.Name == name)) diagnostics.Add(map, null, $"column '{name}' is declared twice");
            if (!keys.TryGetValue("type", out var t))
            {
                diagnostics.Add(map, null, $"column '{name}' needs a 'type' (string, integer, decimal, boolean, timestamp, date)");
                continue;
            }
            var type = ParseType(t, name);
            if (type is not null) columns.Add(new ColumnSpec(name, type.Value, diagnostics.At(map)));
        }
        return columns;
    }

    private ColumnType? ParseType(YamlNode node, string column)
    {
        var text = values.Text(node, "type", null);
        ColumnType? type = text switch
        {
            "string" or "text" => ColumnType.String,
            "integer" or "int" or "long" => ColumnType.Integer,
            "decimal" or "double" or "float" or "number" => ColumnType.Decimal,
            "boolean" or "bool" => ColumnType.Boolean,
            "timestamp" => ColumnType.Timestamp,
            "date" => ColumnType.Date,
            _ => null,
        };
        if (type is null && text is not null)
        {
            diagnostics.Add(node, null, $"column '{column}' has unknown type '{text}'; use string, integer, decimal, boolean, timestamp or date");
        }
        return type;
    }

    /// <summary><c>csv: { delimiter, quote }</c>: one character each, from the lists every reader (Spark included) takes.</summary>
    private CsvDialect ParseCsv(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(node, "columns", "'csv' must be a mapping { delimiter, quote }");
            return CsvDialect.Default;
        }
        var keys = values.Keys(map, ["delimiter", "quote"], "columns");
        var delimiter = keys.TryGetValue("delimiter", out var d) ? Character(d, "delimiter", CsvDialect.Delimiters) : null;
        var quote = keys.TryGetValue("quote", out var q) ? Character(q, "quote", CsvDialect.Quotes) : null;
        return new CsvDialect(delimiter ?? CsvDialect.Default.Delimiter, quote ?? CsvDialect.Default.Quote);
    }

    private char? Character(YamlNode node, string key, char[] allowed)
    {
        var text = values.Text(node, key, "columns");
        if (text is { Length: 1 } && allowed.Contains(text[0])) return text[0];
        if (text is not null)
        {
            diagnostics.Add(node, "columns", $"csv '{key}' must be one of {string.Join(" ", allowed.Select(c => $"'{CsvDialect.Spell(c)}'"))}, found '{text}'");
        }
        return null;
    }

    private SchemaSpec ParseSchema(YamlNode node)
    {
        var spec = new SchemaSpec(ColumnOrder.Strict, false, Severity.Error);
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(node, "columns", "'schema' must be a mapping { order, extraColumns, severity }");
            return spec;
        }
        var keys = values.Keys(map, ["order", "extraColumns", "severity"], "columns");
        if (keys.TryGetValue("order", out var o))
        {
            var order = values.Text(o, "order", "columns");
            if (order is "strict" or "any") spec = spec with { Order = order == "strict" ? ColumnOrder.Strict : ColumnOrder.Any };
            else if (order is not null) diagnostics.Add(o, "columns", $"'order' must be strict or any, found '{order}'");
        }
        if (keys.TryGetValue("extraColumns", out var x))
        {
            var extra = values.Text(x, "extraColumns", "columns");
            if (extra is "allow" or "reject") spec = spec with { AllowExtraColumns = extra == "allow" };
            else if (extra is not null) diagnostics.Add(x, "columns", $"'extraColumns' must be allow or reject, found '{extra}'");
        }
        if (keys.TryGetValue("severity", out var s))
        {
            var severity = RuleParser.ParseSeverity(values, diagnostics, s, "columns");
            if (severity is not null) spec = spec with { Severity = severity.Value };
        }
        return spec;
    }
}
