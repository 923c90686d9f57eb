namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// What one feature contributes to a model: XGBoost's <c>gain</c> importance (average gain of the splits on it; 0 when
/// no tree splits on it) and the mean absolute SHAP value over the scored rows (XGBoost's own <c>pred_contribs</c>).
/// A multi-class model has one block of contributions per class (each class's margin is explained separately), so
/// <see cref="MeanAbsShapByClass"/> keeps each class's mean |SHAP| and <see cref="MeanAbsShap"/> is their mean; null
/// for a model with one output.
/// </summary>
public sealed record FeatureAttribution(string Feature, double Gain, double MeanAbsShap, IReadOnlyList<double>? MeanAbsShapByClass = null);
