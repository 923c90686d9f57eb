namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>A call into libxgboost failed; the message is XGBoost's own (<c>XGBGetLastError</c>).</summary>
public sealed class XgboostException(string message) : Exception(message);
