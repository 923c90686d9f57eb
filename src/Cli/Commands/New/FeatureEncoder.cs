using System.Globalization;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// The portable SQL (Spark SQL and DuckDB alike: CAST, CASE, COALESCE, NULLIF, TRIM, LOWER only) for each kind of
/// column. Values are cast from text explicitly because the feature job may read a column typed or as text.
/// </summary>
internal static class FeatureEncoder
{
    public static FeatureColumn YesNo(ColumnProfile column, string name)
    {
        var yes = column.Values.Select(v => v.Key).FirstOrDefault(v => v.ToLowerInvariant() is "yes" or "y" or "true" or "t") ?? column.Values[0].Key;
        var forms = new LabelPlan(name, yes, "", 0, 0).PositiveForms;
        var missing = column.Empty > 0 ? $"; {column.Empty} empty cells count as not '{yes}'" : "";
        return new FeatureColumn(name, $"CASE WHEN LOWER(TRIM(CAST({name} AS STRING))) IN ({string.Join(", ", forms.Select(SqlNames.Literal))}) THEN 1 ELSE 0 END",
            "integer", $"'{yes}' -> 1{missing}") { IsFlag = true };
    }

    public static IEnumerable<FeatureColumn> OneHot(ColumnProfile column, string name)
    {
        var first = true;
        foreach (var (value, count) in column.Values)
        {
            var comment = first
                ? $"{name}: one column per value ({column.Values.Count} values{(column.Empty > 0 ? $"; {column.Empty} empty cells are 0 in all of them" : "")})"
                : null;
            first = false;
            yield return new FeatureColumn($"{name}_{SqlNames.Identifier(value)}",
                $"CASE WHEN TRIM(CAST({name} AS STRING)) = {SqlNames.Literal(value)} THEN 1 ELSE 0 END", "integer", comment) { IsFlag = true };
        }
    }

    public static IEnumerable<FeatureColumn> Numeric(ColumnProfile column, string name)
    {
        var isFlag = column.Kind == ColumnKind.Integer && column.Values.Count is > 0 and <= 2 && column.Values.All(v => v.Key is "0" or "1");
        if (column.Missing == 0)
        {
            var type = column.Kind == ColumnKind.Decimal ? "DOUBLE" : column.NeedsBigInt ? "BIGINT" : "INT";
            yield return new FeatureColumn(name, $"CAST({name} AS {type})", column.Kind == ColumnKind.Decimal ? "decimal" : "integer", null)
            {
                IsFlag = isFlag, Min = column.Min, Max = column.Max,
            };
            yield break;
        }

        // Empty cells (and a sentinel such as 99999999) become the median of the other values, and a flag keeps the
        // fact that the value was missing, which is often informative in itself.
        var text = $"NULLIF(TRIM(CAST({name} AS STRING)), '')";
        var value = $"CAST({text} AS DOUBLE)";
        var known = column.Sentinel is { } s ? $"NULLIF({value}, {Number(s)})" : value;
        var median = Number(column.Median ?? 0);
        var what = column.Sentinel is { } sentinel
            ? $"{column.Empty} empty and {column.SentinelCount} '{Number(sentinel)}' (a sentinel: far outside the other values)"
            : $"{column.Empty} empty";
        yield return new FeatureColumn(name, $"COALESCE({known}, {median})", "decimal", $"{name}: {what} cells -> the median {median}, flagged in {name}_missing")
        {
            Min = column.Min, Max = column.Max,
        };
        yield return new FeatureColumn($"{name}_missing", $"CASE WHEN {known} IS NULL THEN 1 ELSE 0 END", "integer", null) { IsFlag = true };
    }

    public static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
