using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// Parses XGBoost's evaluation line (<c>[12]\ttrain-auc:0.912\tvalidation-auc:0.851</c>) into
/// <c>(data set, metric) → value</c>, as xgboost's Python <c>_parse_eval_str</c> does.
/// </summary>
public static class EvaluationLine
{
    public static IReadOnlyList<(string DataSet, string Metric, double Value)> Parse(string line)
    {
        var results = new List<(string, string, double)>();
        foreach (var part in line.Split('\t').Skip(1))
        {
            var colon = part.LastIndexOf(':');
            var dash = part.IndexOf('-');
            if (colon < 0 || dash < 0 || dash > colon) continue;
            if (!double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                value = part[(colon + 1)..] switch { "nan" or "-nan" => double.NaN, "inf" => double.PositiveInfinity, _ => double.NaN };
            }
            results.Add((part[..dash], part[(dash + 1)..colon], value));
        }
        return results;
    }
}
