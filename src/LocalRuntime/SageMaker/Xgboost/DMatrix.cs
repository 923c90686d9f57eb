namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// An XGBoost DMatrix: either read by XGBoost itself from CSV files (<see cref="LoadCsv"/>, as the container reads a
/// training channel) or built from a dense row-major matrix (<c>XGDMatrixCreateFromMat</c>, NaN as missing, as the
/// container's serving code builds one from a numpy payload), with its labels when the data has them.
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

    private DMatrix(IntPtr handle)
    {
        _handle = handle;
        XgboostNative.Check(XgboostNative.XGDMatrixNumRow(handle, out var rows), nameof(XgboostNative.XGDMatrixNumRow));
        XgboostNative.Check(XgboostNative.XGDMatrixNumCol(handle, out var columns), nameof(XgboostNative.XGDMatrixNumCol));
        XgboostNative.Check(XgboostNative.XGDMatrixGetFloatInfo(handle, "label", out var length, out var labels), nameof(XgboostNative.XGDMatrixGetFloatInfo));
        Rows = checked((int)rows);
        Columns = checked((int)columns);
        Labels = new ReadOnlySpan<float>(labels, checked((int)length)).ToArray();
    }

    /// <summary>
    /// Reads labelled CSV files with XGBoost's own parser, as the SageMaker XGBoost 1.7-1 container reads a channel in
    /// File mode: <c>xgb.DMatrix("&lt;path&gt;?format=csv&amp;label_column=0&amp;delimiter=,")</c>
    /// (sagemaker_xgboost_container/data_utils.py, <c>_get_csv_dmatrix_file_mode</c>, tag v1.7-1-1). The parser keeps
    /// zeros, treats an empty cell as missing, and, like the container, skips a cell that is not a number instead of
    /// failing. The files are read in the order given (dmlc's URI takes several paths separated by <c>;</c>), so the
    /// rows, and with them subsampling, are the same on every run. The data lives only in XGBoost's memory.
    /// </summary>
    public static DMatrix LoadCsv(IReadOnlyList<string> files)
    {
        XgboostLibrary.EnsureLoaded();
        foreach (var file in files)
        {
            if (file.IndexOfAny([';', '?', '#']) >= 0)
            {
                throw new XgboostException($"cannot pass '{file}' to XGBoost's CSV reader: its path contains ';', '?' or '#', which the reader's URI syntax reserves");
            }
        }
        var uri = string.Join(';', files) + "?format=csv&label_column=0&delimiter=,";
        XgboostNative.Check(XgboostNative.XGDMatrixCreateFromFile(uri, silent: 1, out var handle), nameof(XgboostNative.XGDMatrixCreateFromFile));
        return Adopt(handle, quantized: false);
    }

    /// <summary>
    /// Reads labelled CSV files into a QuantileDMatrix (<see cref="QuantizedCsvLoader"/>) for <c>tree_method=hist</c>;
    /// files whose rows differ in width, which only a sparse matrix holds, are read by <see cref="LoadCsv"/> instead.
    /// </summary>
    public static DMatrix LoadCsvQuantized(IReadOnlyList<string> files, int maxBin, int batchRows = 100_000)
    {
        XgboostLibrary.EnsureLoaded();
        IntPtr handle;
        try
        {
            handle = QuantizedCsvLoader.Load(files, maxBin, batchRows);
        }
        catch (RaggedCsvException)
        {
            return LoadCsv(files);
        }
        return Adopt(handle, quantized: true);
    }

    /// <summary>Wraps a matrix XGBoost made, freeing it if its shape or labels cannot be read.</summary>
    private static DMatrix Adopt(IntPtr handle, bool quantized)
    {
        try
        {
            return new DMatrix(handle) { Quantized = quantized };
        }
        catch
        {
            XgboostNative.XGDMatrixFree(handle);
            throw;
        }
    }

    /// <summary>Whether XGBoost holds only the histogram bins (a QuantileDMatrix), not the values.</summary>
    public bool Quantized { get; private init; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The labels given to XGBoost (empty without), for the metrics the container computes itself.</summary>
    public float[] Labels { get; }

    /// <summary>Whether XGBoost holds row weights for this matrix (the channels here set none).</summary>
    internal bool HasWeights
    {
        get
        {
            XgboostNative.Check(XgboostNative.XGDMatrixGetFloatInfo(Handle, "weight", out var length, out _), nameof(XgboostNative.XGDMatrixGetFloatInfo));
            return length > 0;
        }
    }

    internal IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(DMatrix));

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero) XgboostNative.XGDMatrixFree(handle);
    }
}
