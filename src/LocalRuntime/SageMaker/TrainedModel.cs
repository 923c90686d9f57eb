namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// A trained booster as the container leaves it: the <c>xgboost-model</c> file's bytes, the final metrics in the
/// names SageMaker reports (<c>train:auc</c>, <c>validation:logloss</c>...), the rounds kept, the best iteration when
/// early stopping ran, and the libxgboost version that trained it.
/// </summary>
public sealed record TrainedModel(
    byte[] Model,
    IReadOnlyDictionary<string, double> FinalMetrics,
    int Rounds,
    int? BestIteration,
    string LibraryVersion);
