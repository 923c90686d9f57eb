using System.Globalization;
using DuckDB.NET.Data;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// The label as the feature SQL outputs it over the sample, against the objective's classes: 0/1 for binary objectives,
/// 0..num_class-1 for multi-class, a number in every row for regression. A raw 'Yes' the SQL forgot to map, or a value
/// outside the classes, is reported with example rows (entity key and the raw value). And the SQL must not turn a
/// value it was never told about into a class (<c>ELSE 0</c>): a new or misspelt class would then train silently as 0.
/// </summary>
internal static class LabelValueCheck
{
    private const int Examples = 5;

    public static IEnumerable<Finding> Check(PipelineSpec spec, CsvDialect dialect)
    {
        var objective = spec.Training.Hyperparameters.GetValueOrDefault("objective") ?? "binary:logistic";
        var binary = objective.StartsWith("binary:", StringComparison.Ordinal);
        var multi = objective.StartsWith("multi:", StringComparison.Ordinal);
        bool Bad(string? v) => binary ? v is not ("0" or "1") : multi ? !IsClass(v, spec)
            : v is null || !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        var bad = LabelCounts(spec, dialect).Where(v => Bad(v.Value)).ToList();
        var expected = binary ? "0 or 1" : multi ? "a class number from 0 to num_class - 1" : "a number";
        if (bad.Count > 0)
        {
            var shown = string.Join(", ", bad.Take(Examples).Select(v => $"{Show(v.Value)} in {v.Count} rows"));
            var rows = ExampleRows(spec, dialect, bad.Select(v => v.Value).ToList());
            yield return PipelineChecks.At(spec, "features.label",
                $"over the sample, features.sql outputs label '{spec.Features.Label}' values that {objective} cannot train on ({shown}); every value must be {expected}" +
                (rows.Count > 0 ? $"; for example {string.Join(", ", rows)}." : "."),
                "Map each class in features.sql (for example CASE WHEN ... = 'Yes' THEN 1 WHEN ... = 'No' THEN 0 END), or filter rows without a label.");
            yield break;
        }
        if ((binary || multi) && ClassGivenToUnknownValue(spec, dialect) is { } given)
        {
            yield return PipelineChecks.At(spec, "features.label",
                $"features.sql gives a label value it was never told about ('{FeatureSqlSchema.UnknownLabel}' in the sample's first row) the class {given}, " +
                $"so a new or misspelt class in the source would train silently as {given}.",
                "Map each class explicitly with no ELSE (CASE WHEN ... = 'Yes' THEN 1 WHEN ... = 'No' THEN 0 END): any other value then stays NULL and fails validation with examples.");
        }
    }

    private static string Show(string? value) => value is null ? "NULL" : $"'{value}'";

    private static bool IsClass(string? value, PipelineSpec spec) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k >= 0
        && (!int.TryParse(spec.Training.Hyperparameters.GetValueOrDefault("num_class"), CultureInfo.InvariantCulture, out var classes) || k < classes);

    private static List<(string? Value, long Count)> LabelCounts(PipelineSpec spec, CsvDialect dialect)
    {
        using var connection = FeatureSqlSchema.OverSample(spec.SampleDataFile!, dialect);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST({Quote(spec.Features.Label)} AS VARCHAR), COUNT(*) FROM ({FeatureSqlSchema.Sql(spec.Features.SqlFile)}\n) GROUP BY 1 ORDER BY 2 DESC";
        using var reader = command.ExecuteReader();
        var counts = new List<(string?, long)>();
        while (reader.Read()) counts.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1)));
        return counts;
    }

    /// <summary>Up to five rows with a bad label: the entity key, and the source's own label value when it has the column.</summary>
    private static List<string> ExampleRows(PipelineSpec spec, CsvDialect dialect, IReadOnlyList<string?> bad)
    {
        using var connection = FeatureSqlSchema.OverSample(spec.SampleDataFile!, dialect);
        var source = Columns(connection);
        var key = spec.Features.EntityKey;
        var label = spec.Features.Label;
        var hasRaw = source.Contains(label, StringComparer.Ordinal) && source.Contains(key, StringComparer.Ordinal);
        var values = bad.Where(v => v is not null).Select(v => "'" + v!.Replace("'", "''") + "'").ToList();
        var filter = string.Join(" OR ", new[] { values.Count > 0 ? $"CAST(f.{Quote(label)} AS VARCHAR) IN ({string.Join(", ", values)})" : null,
            bad.Contains(null) ? $"f.{Quote(label)} IS NULL" : null }.OfType<string>());
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST(f.{Quote(key)} AS VARCHAR), {(hasRaw ? $"CAST(s.{Quote(label)} AS VARCHAR)" : "NULL")} " +
            $"FROM ({FeatureSqlSchema.Sql(spec.Features.SqlFile)}\n) f " +
            (hasRaw ? $"LEFT JOIN (SELECT DISTINCT {Quote(key)}, {Quote(label)} FROM source) s ON CAST(s.{Quote(key)} AS VARCHAR) = CAST(f.{Quote(key)} AS VARCHAR) " : "") +
            $"WHERE {filter} LIMIT {Examples}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var raw = hasRaw ? $" (source {label} {Show(reader.IsDBNull(1) ? null : reader.GetString(1))})" : "";
            rows.Add($"{key} {Show(reader.IsDBNull(0) ? null : reader.GetString(0))}{raw}");
        }
        return rows;
    }

    /// <summary>The class the SQL outputs for a label value it does not know, or null when it leaves it NULL (or cannot read it).</summary>
    private static string? ClassGivenToUnknownValue(PipelineSpec spec, CsvDialect dialect)
    {
        using (var sample = FeatureSqlSchema.OverSample(spec.SampleDataFile!, dialect))
        {
            if (!Columns(sample).Contains(spec.Features.Label, StringComparer.Ordinal)) return null;
        }
        try
        {
            using var probe = FeatureSqlSchema.OverSample(spec.SampleDataFile!, dialect, probeLabel: spec.Features.Label);
            using var command = probe.CreateCommand();
            command.CommandText = $"SELECT CAST({Quote(spec.Features.Label)} AS VARCHAR) FROM ({FeatureSqlSchema.Sql(spec.Features.SqlFile)}\n) LIMIT 1";
            return command.ExecuteScalar() is string given ? given : null;
        }
        catch (DuckDBException)
        {
            // The SQL casts the label to a number: an unknown text fails the job (DuckDB) or becomes NULL (Spark), never a class.
            return null;
        }
    }

    private static List<string> Columns(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name FROM (DESCRIBE source)";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
