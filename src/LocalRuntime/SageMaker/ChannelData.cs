namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// One XGBoost CSV channel in memory: row-major features (NaN for an empty cell, XGBoost's missing value) and,
/// for labelled channels, the 0/1 labels.
/// </summary>
public sealed record ChannelData(string Name, int FeatureCount, float[] Labels, float[] Features)
{
    public int Rows => FeatureCount == 0 ? Labels.Length : Features.Length / FeatureCount;

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);
}
