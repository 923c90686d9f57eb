using Microsoft.ML.Trainers.LightGbm;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Maps XGBoost hyperparameters onto ML.NET's LightGBM binary trainer (see README.md in this folder for the table
/// and the reasons behind each choice).
/// </summary>
public static class LightGbmMapping
{
    /// <summary>LightGBM's cap on leaves per tree.</summary>
    private const int MaxLeaves = 131072;

    public static LightGbmBinaryTrainer.Options ToOptions(XgboostHyperparameters hp, bool hasValidation)
    {
        var depth = hp.MaxDepth == 0 ? -1 : hp.MaxDepth;
        var leaves = hp.MaxDepth == 0 ? 255 : (int)Math.Min(MaxLeaves, Math.Pow(2, Math.Min(hp.MaxDepth, 17)));
        return new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            NumberOfIterations = hp.NumRound,
            LearningRate = hp.Eta,
            NumberOfLeaves = Math.Max(2, leaves),
            MinimumExampleCountPerLeaf = 1,
            WeightOfPositiveExamples = hp.ScalePosWeight,
            Seed = hp.Seed,
            Silent = true,
            Verbose = false,
            HandleMissingValue = true,
            NumberOfThreads = Environment.ProcessorCount,
            EvaluationMetric = hp.EvalMetric switch
            {
                "logloss" => LightGbmBinaryTrainer.Options.EvaluateMetricType.Logloss,
                "error" => LightGbmBinaryTrainer.Options.EvaluateMetricType.Error,
                _ => LightGbmBinaryTrainer.Options.EvaluateMetricType.AreaUnderCurve,
            },
            EarlyStoppingRound = hasValidation ? EarlyStoppingRounds(hp) : 0,
            Booster = new GradientBooster.Options
            {
                MaximumTreeDepth = depth,
                SubsampleFraction = hp.Subsample,
                SubsampleFrequency = hp.Subsample < 1 ? 1 : 0,
                FeatureFraction = hp.ColsampleByTree,
                MinimumChildWeight = hp.MinChildWeight,
                L2Regularization = hp.Lambda,
                L1Regularization = hp.Alpha,
                MinimumSplitGain = hp.Gamma,
            },
        };
    }

    /// <summary>
    /// <c>early_stopping_rounds</c> when given; otherwise a tenth of <c>num_round</c> (at least 10), so the validation
    /// channel always guards against overfitting and large runs stop once the validation metric stalls.
    /// </summary>
    public static int EarlyStoppingRounds(XgboostHyperparameters hp) => hp.EarlyStoppingRounds ?? Math.Max(10, hp.NumRound / 10);
}
