using Microsoft.ML;
using Microsoft.ML.Data;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The local stand-in for SageMaker's built-in XGBoost: gradient-boosted trees (ML.NET LightGBM) trained on the
/// <c>train</c> channel with the <c>validation</c> channel for early stopping, reporting the final metrics XGBoost
/// prints (<c>train:auc</c>, <c>validation:auc</c>, <c>validation:logloss</c>...).
/// </summary>
public sealed class XgboostTrainer
{
    private readonly MLContext _ml;

    public XgboostTrainer(int seed = 0)
    {
        OpenMpWaitPolicy.PreferPassive();
        _ml = new MLContext(seed);
    }

    /// <summary>
    /// Aborts a training in progress (StopTrainingJob, MaxRuntimeInSeconds). ML.NET exposes cancellation only on its
    /// internal host environment, hence the reflection; training stops at the next check ML.NET makes.
    /// </summary>
    public void Cancel()
    {
        foreach (var field in typeof(MLContext).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
        {
            var env = field.GetValue(_ml);
            var cancel = env?.GetType().GetMethod("CancelExecution", Type.EmptyTypes);
            if (cancel is null) continue;
            cancel.Invoke(env, null);
            return;
        }
    }

    public TrainedModel Train(ChannelData train, ChannelData? validation, XgboostHyperparameters hyperparameters)
    {
        if (train.Rows == 0) throw AlgorithmFailure.Client("Channel 'train' holds no rows.");
        if (validation is not null && validation.Rows > 0 && validation.FeatureCount != train.FeatureCount)
        {
            throw AlgorithmFailure.Client($"Feature count mismatch: channel 'train' has {train.FeatureCount} features, channel 'validation' has {validation.FeatureCount}.");
        }
        var hasValidation = validation is { Rows: > 0 };
        var trainView = ToDataView(train, labelled: true);
        var trainer = _ml.BinaryClassification.Trainers.LightGbm(LightGbmMapping.ToOptions(hyperparameters, hasValidation));
        ITransformer model;
        try
        {
            model = hasValidation ? trainer.Fit(trainView, ToDataView(validation!, labelled: true)) : trainer.Fit(trainView);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            throw AlgorithmFailure.Algorithm($"gradient boosting failed: {e.Message}", e);
        }

        // Both channels are scored at once: on a million rows scoring is a fifth of the job and uses one core each.
        var trainScores = Task.Run(() => Score(model, train));
        var validationScores = hasValidation ? Task.Run(() => Score(model, validation!)) : null;
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        AddMetrics(metrics, "train", train, trainScores.GetAwaiter().GetResult());
        if (validationScores is not null) AddMetrics(metrics, "validation", validation!, validationScores.GetAwaiter().GetResult());
        return new TrainedModel(model, trainView.Schema, metrics);
    }

    /// <summary>Probabilities of the positive class for every row of <paramref name="data"/>.</summary>
    public float[] Score(ITransformer model, ChannelData data)
    {
        var scored = model.Transform(ToDataView(data, labelled: false));
        return scored.GetColumn<float>("Probability").ToArray();
    }

    public void Save(TrainedModel model, Stream destination) => _ml.Model.Save(model.Model, model.InputSchema, destination);

    public ITransformer Load(Stream source) => _ml.Model.Load(source, out _);

    private static void AddMetrics(IDictionary<string, double> metrics, string channel, ChannelData data, float[] probabilities)
    {
        metrics[$"{channel}:auc"] = BinaryClassificationMetrics.Auc(data.Labels, probabilities);
        metrics[$"{channel}:logloss"] = BinaryClassificationMetrics.LogLoss(data.Labels, probabilities);
        var errors = 0;
        for (var i = 0; i < probabilities.Length; i++) if ((probabilities[i] > 0.5f) != (data.Labels[i] > 0.5f)) errors++;
        metrics[$"{channel}:error"] = probabilities.Length == 0 ? double.NaN : errors / (double)probabilities.Length;
    }

    private IDataView ToDataView(ChannelData data, bool labelled)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.FeatureCount);
        var rows = Enumerable.Range(0, data.Rows).Select(i => new FeatureRow
        {
            Label = labelled && data.Labels[i] > 0.5f,
            Features = data.Row(i).ToArray(),
        });
        return _ml.Data.LoadFromEnumerable(rows, schema);
    }

    private sealed class FeatureRow
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = [];
    }
}
