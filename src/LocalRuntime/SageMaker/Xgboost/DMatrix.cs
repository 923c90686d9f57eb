namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// An XGBoost DMatrix built from a dense row-major matrix (<c>XGDMatrixCreateFromMat</c>, NaN as missing, as
/// XGBoost's CSV reader and numpy input treat an empty cell), with its labels when the channel has them.
/// </summary>
public sealed unsafe class DMatrix : IDisposable
{
    private IntPtr _handle;

    public DMatrix(ChannelData data, bool withLabels)
    {
        XgboostLibrary.EnsureLoaded();
        fixed (float* features = data.Features)
        {
            XgboostNative.Check(XgboostNative.XGDMatrixCreateFromMat(features, (ulong)data.Rows, (ulong)data.FeatureCount, float.NaN, out _handle),
                nameof(XgboostNative.XGDMatrixCreateFromMat));
        }
        if (withLabels && data.Labels.Length > 0)
        {
            fixed (float* labels = data.Labels)
            {
                XgboostNative.Check(XgboostNative.XGDMatrixSetFloatInfo(_handle, "label", labels, (ulong)data.Labels.Length),
                    nameof(XgboostNative.XGDMatrixSetFloatInfo));
            }
        }
        Labels = withLabels ? data.Labels : [];
        Rows = data.Rows;
        Columns = data.FeatureCount;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The labels given to XGBoost (empty without), for the metrics the container computes itself.</summary>
    public float[] Labels { get; }

    internal IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(DMatrix));

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero) XgboostNative.XGDMatrixFree(handle);
    }
}
