using System.Globalization;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The built-in XGBoost hyperparameters the local trainer honours, parsed from SageMaker's string map with
/// XGBoost's defaults and documented ranges. Out-of-range or unparsable values fail the job with a ClientError.
/// </summary>
public sealed record XgboostHyperparameters
{
    public string Objective { get; init; } = "binary:logistic";
    public int NumRound { get; init; }
    public double Eta { get; init; } = 0.3;
    public int MaxDepth { get; init; } = 6;
    public double Subsample { get; init; } = 1;
    public double ColsampleByTree { get; init; } = 1;
    public double MinChildWeight { get; init; } = 1;
    public double Lambda { get; init; } = 1;
    public double Alpha { get; init; }
    public double Gamma { get; init; }
    public double ScalePosWeight { get; init; } = 1;
    public int? EarlyStoppingRounds { get; init; }
    public string EvalMetric { get; init; } = "auc";
    public int Seed { get; init; }

    /// <summary>Objectives whose prediction is a probability of the positive class.</summary>
    private static readonly string[] BinaryObjectives = ["binary:logistic", "reg:logistic"];

    public static XgboostHyperparameters Parse(IReadOnlyDictionary<string, string> values)
    {
        var parser = new Parser(values);
        var parsed = new XgboostHyperparameters
        {
            Objective = values.GetValueOrDefault("objective", "binary:logistic"),
            NumRound = parser.Int("num_round", null, 1, int.MaxValue),
            Eta = parser.Double("eta", 0.3, 0, 1),
            MaxDepth = parser.Int("max_depth", 6, 0, int.MaxValue),
            Subsample = parser.Double("subsample", 1, double.Epsilon, 1),
            ColsampleByTree = parser.Double("colsample_bytree", 1, double.Epsilon, 1),
            MinChildWeight = parser.Double("min_child_weight", 1, 0, double.MaxValue),
            Lambda = parser.Double("lambda", 1, 0, double.MaxValue),
            Alpha = parser.Double("alpha", 0, 0, double.MaxValue),
            Gamma = parser.Double("gamma", 0, 0, double.MaxValue),
            ScalePosWeight = parser.Double("scale_pos_weight", 1, double.Epsilon, double.MaxValue),
            EarlyStoppingRounds = values.ContainsKey("early_stopping_rounds") ? parser.Int("early_stopping_rounds", null, 1, int.MaxValue) : null,
            EvalMetric = values.GetValueOrDefault("eval_metric", "auc").Split(',')[0].Trim(),
            Seed = parser.Int("seed", 0, int.MinValue, int.MaxValue),
        };
        if (!BinaryObjectives.Contains(parsed.Objective))
        {
            throw AlgorithmFailure.Client($"Hyperparameter objective '{parsed.Objective}' is not supported by the local trainer " +
                "(binary classification only: binary:logistic or reg:logistic).");
        }
        if (parsed.EvalMetric is not ("auc" or "logloss" or "error"))
        {
            throw AlgorithmFailure.Client($"Hyperparameter eval_metric '{parsed.EvalMetric}' is not supported by the local trainer (auc, logloss, error).");
        }
        return parsed;
    }

    private sealed class Parser(IReadOnlyDictionary<string, string> values)
    {
        public int Int(string name, int? fallback, int min, int max)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback ?? throw AlgorithmFailure.Client($"Missing required hyperparameter: {name}");
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw AlgorithmFailure.Client($"Hyperparameter {name}: value '{text}' is not an integer in [{min}, {max}]");
            }
            return value;
        }

        public double Double(string name, double fallback, double min, double max)
        {
            if (!values.TryGetValue(name, out var text)) return fallback;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw AlgorithmFailure.Client($"Hyperparameter {name}: value '{text}' is not a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
            }
            return value;
        }
    }
}
