using Microsoft.ML;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>A fitted model, its input schema (to save it), and the final metrics in XGBoost's names.</summary>
public sealed record TrainedModel(ITransformer Model, DataViewSchema InputSchema, IReadOnlyDictionary<string, double> FinalMetrics);
