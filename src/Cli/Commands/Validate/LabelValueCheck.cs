using System.Globalization;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// The label as the feature SQL outputs it over the sample, against the objective: 0/1 for binary objectives,
/// 0..num_class-1 for multi-class, a number in every row for regression. A raw 'Yes' that the SQL forgot to map, or a
/// class the mapping does not know, is reported here with examples rather than becoming a silent 0 downstream.
/// </summary>
internal static class LabelValueCheck
{
    public static IEnumerable<Finding> Check(PipelineSpec spec)
    {
        var objective = spec.Training.Hyperparameters.GetValueOrDefault("objective") ?? "binary:logistic";
        var values = LabelCounts(spec);
        var bad = objective switch
        {
            _ when objective.StartsWith("binary:", StringComparison.Ordinal) => values.Where(v => v.Value is not ("0" or "1")).ToList(),
            _ when objective.StartsWith("multi:", StringComparison.Ordinal) => values.Where(v => !IsClass(v.Value, spec)).ToList(),
            _ => values.Where(v => v.Value is null || !double.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToList(),
        };
        if (bad.Count == 0) yield break;
        var expected = objective.StartsWith("binary:", StringComparison.Ordinal) ? "0 or 1"
            : objective.StartsWith("multi:", StringComparison.Ordinal) ? "a class number from 0 to num_class - 1" : "a number";
        var shown = string.Join(", ", bad.Take(5).Select(v => $"{(v.Value is null ? "NULL" : $"'{v.Value}'")} in {v.Count} rows"));
        yield return PipelineChecks.At(spec, "features.label",
            $"over the sample, features.sql outputs label '{spec.Features.Label}' values that {objective} cannot train on ({shown}); every value must be {expected}.",
            $"Map the label in features.sql (for example CASE WHEN ... = 'Yes' THEN 1 WHEN ... = 'No' THEN 0 END), or filter rows without a label.");
    }

    private static bool IsClass(string? value, PipelineSpec spec) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k >= 0
        && (!int.TryParse(spec.Training.Hyperparameters.GetValueOrDefault("num_class"), CultureInfo.InvariantCulture, out var classes) || k < classes);

    private static List<(string? Value, long Count)> LabelCounts(PipelineSpec spec)
    {
        using var connection = FeatureSqlSchema.OverSample(spec.SampleDataFile!);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST(\"{spec.Features.Label}\" AS VARCHAR), COUNT(*) FROM ({FeatureSqlSchema.Sql(spec.Features.SqlFile)}\n) GROUP BY 1 ORDER BY 2 DESC";
        using var reader = command.ExecuteReader();
        var counts = new List<(string?, long)>();
        while (reader.Read()) counts.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1)));
        return counts;
    }
}
