using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;
using TrainingOrchestration.Pipelines.Hyperparameters;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The local stand-in for SageMaker's built-in XGBoost 1.7-1: the same library (libxgboost 1.7.4 through its C API)
/// trained as the container's train.py trains it — parameters passed through, <c>num_round</c> rounds watched on
/// <c>train</c> and <c>validation</c>, early stopping (best model kept) only when <c>early_stopping_rounds</c> and
/// <c>eval_metric</c> are set — one round at a time so a stop request ends training between rounds.
/// </summary>
public sealed class XgboostTrainer
{
    /// <summary>
    /// Library messages the container turns into a ClientError (xgb_constants.py, CUSTOMER_ERRORS); any other
    /// failure is an AlgorithmError ("XGB train call failed with exception").
    /// </summary>
    private static readonly string[] CustomerErrors =
    [
        "label must be in [0,1] for logistic regression", "label must be in [0, num_class)", "feature_names mismatch",
        "Check failed: preds.size() == info.labels_.size()", "Check failed: !auc_error AUC: the dataset only contains pos or neg samples",
        "base_score must be in (0,1) for logistic loss", "PoissonRegression: label must be nonnegative",
        "TweedieRegression: label must be nonnegative", "Parameter reg_lambda should be greater equal to 0",
    ];

    /// <summary>
    /// Every round's XGBoost metrics from the library's own evaluation (<c>XGBoosterEvalOneIter</c>), never from
    /// <see cref="RocAuc"/>: the reference the faster path is tested against.
    /// </summary>
    public bool LibraryEvaluationOnly { get; init; }

    /// <summary>Trains on channels already in memory (tests and callers that build their own data).</summary>
    public TrainedModel Train(ChannelData train, ChannelData? validation, IReadOnlyDictionary<string, string> hyperparameters,
        CancellationToken stop = default)
    {
        using var trainMatrix = new DMatrix(train, withLabels: true);
        using var validationMatrix = validation is { Rows: > 0 } ? new DMatrix(validation, withLabels: true) : null;
        return Train(trainMatrix, validationMatrix, hyperparameters, stop);
    }

    /// <summary>Trains on the channels as XGBoost loaded them; the caller keeps and disposes the matrices.</summary>
    public TrainedModel Train(DMatrix trainMatrix, DMatrix? validation, IReadOnlyDictionary<string, string> hyperparameters,
        CancellationToken stop = default)
    {
        var settings = TrainingSettings.From(hyperparameters);
        // data_utils.get_dmatrix: a channel that loads without labels is a UserError with this text.
        if (trainMatrix.Labels.Length == 0)
        {
            throw AlgorithmFailure.Client("Got input data without labels. Please check the input data set. If training job is running on " +
                "multiple instances, please switch to using single instance if number of records in the data set is less than number of " +
                "workers (16 * number of instance) in the cluster.");
        }
        var validationMatrix = validation is { Rows: > 0 } ? validation : null;
        if (validationMatrix is not null && validationMatrix.Columns != trainMatrix.Columns)
        {
            throw AlgorithmFailure.Client($"Feature count mismatch: channel 'train' has {trainMatrix.Columns} features, channel 'validation' has {validationMatrix.Columns}.");
        }
        List<(DMatrix, string)> watchlist = validationMatrix is null ? [(trainMatrix, "train")] : [(trainMatrix, "train"), (validationMatrix, "validation")];
        try
        {
            using var booster = Booster.Create([.. watchlist.Select(w => w.Item1)]);
            foreach (var (name, value) in settings.LibraryParameters) booster.SetParam(name, value);
            var stopping = validationMatrix is null || settings.EarlyStoppingMetric is null ? null
                : new EarlyStopping(settings.EarlyStoppingRounds!.Value, "validation", settings.EarlyStoppingMetric);
            var evaluation = new RoundEvaluation(booster, watchlist, settings, LibraryEvaluationOnly);
            IReadOnlyList<(string DataSet, string Metric, double Value)> last = [];
            for (var round = 0; round < settings.NumRound; round++)
            {
                stop.ThrowIfCancellationRequested();
                booster.UpdateOneIteration(round, trainMatrix);
                last = evaluation.After(round);
                if (stopping?.ShouldStop(round, last) == true) break;
            }
            var best = stopping?.BestIteration;
            using var kept = best is { } b && b + 1 < booster.BoostedRounds() ? booster.Slice(b + 1) : null;
            var model = (kept ?? booster).Save();
            return new TrainedModel(model, FinalMetrics(last), (kept ?? booster).BoostedRounds(), best, XgboostLibrary.Version);
        }
        catch (XgboostException e)
        {
            if (CustomerErrors.Any(e.Message.Contains)) throw AlgorithmFailure.Client(e.Message);
            throw AlgorithmFailure.Algorithm($"XGB train call failed with exception:\n {e.Message}", e);
        }
    }

    /// <summary>
    /// The last round's values, named as SageMaker reports them (<c>validation:auc</c>) and rounded to the five
    /// decimals the container logs (xgboost's EvaluationMonitor prints <c>{score:.5f}</c>; SageMaker's metric regex
    /// reads the log).
    /// </summary>
    private static SortedDictionary<string, double> FinalMetrics(IEnumerable<(string DataSet, string Metric, double Value)> line)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (set, metric, value) in line) metrics[$"{set}:{metric}"] = Math.Round(value, 5, MidpointRounding.ToEven);
        return metrics;
    }

    /// <summary>xgboost 1.7's <c>callback.EarlyStopping</c>: stop after <c>rounds</c> rounds without improvement.</summary>
    private sealed class EarlyStopping(int rounds, string dataSet, string metric)
    {
        private readonly bool _maximize = XgboostEvalMetrics.IsMaximized(metric);
        private double _best;
        private int _stale;

        public int? BestIteration { get; private set; }

        public bool ShouldStop(int round, IReadOnlyList<(string DataSet, string Metric, double Value)> line)
        {
            var score = line.FirstOrDefault(l => l.DataSet == dataSet && l.Metric == metric).Value;
            if (BestIteration is null || (_maximize ? score > _best : score < _best))
            {
                _best = score;
                BestIteration = round;
                _stale = 0;
            }
            else _stale++;
            return _stale >= rounds;
        }
    }
}
