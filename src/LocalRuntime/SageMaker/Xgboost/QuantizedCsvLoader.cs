using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// Builds a training channel as XGBoost's <c>QuantileDMatrix</c> from CSV files read in batches
/// (<c>XGQuantileDMatrixCreateFromCallback</c>): XGBoost keeps only each cell's histogram bin (one byte with up to 256
/// bins) instead of the 8 bytes per cell a DMatrix holds, so a 7-million-row channel takes about 160 MB instead of 1.3 GB
/// (and twice that while the CSV parser builds it). Cells are read as XGBoost's CSV parser reads them: an empty cell or
/// one that is not a number is missing. Used only for <c>tree_method=hist</c>, where the trees are built from those bins
/// alone; on the churn channels (4,899 and 699,443 rows, in one batch and in four) python3-xgboost 1.7.4 trains
/// byte-identical models from <c>QuantileDMatrix</c> and from the container's <c>DMatrix</c>.
/// </summary>
internal sealed unsafe class QuantizedCsvLoader : IDisposable
{
    private readonly IReadOnlyList<string> _files;
    private readonly int _batchRows;
    private readonly IntPtr _proxy;
    private IEnumerator<string>? _lines;
    private int _width = -1;
    private float* _features;
    private float* _labels;

    public Exception? Failure { get; private set; }

    private QuantizedCsvLoader(IReadOnlyList<string> files, int batchRows)
    {
        _files = files;
        _batchRows = batchRows;
        XgboostNative.Check(XgboostNative.XGProxyDMatrixCreate(out _proxy), nameof(XgboostNative.XGProxyDMatrixCreate));
        _labels = (float*)NativeMemory.Alloc((nuint)batchRows, sizeof(float));
    }

    /// <summary>The channel as a QuantileDMatrix with <paramref name="maxBin"/> bins per feature.</summary>
    /// <exception cref="RaggedCsvException">Rows have different numbers of cells (the caller reads the files as a DMatrix).</exception>
    public static IntPtr Load(IReadOnlyList<string> files, int maxBin, int batchRows)
    {
        using var loader = new QuantizedCsvLoader(files, batchRows);
        var self = GCHandle.Alloc(loader);
        try
        {
            var config = $"{{\"missing\": NaN, \"nthread\": 0, \"max_bin\": {maxBin.ToString(CultureInfo.InvariantCulture)}}}";
            var status = XgboostNative.XGQuantileDMatrixCreateFromCallback(GCHandle.ToIntPtr(self), loader._proxy, IntPtr.Zero,
                &Reset, &Next, config, out var handle);
            if (loader.Failure is { } failure)
            {
                if (status == 0) XgboostNative.XGDMatrixFree(handle);
                throw failure is RaggedCsvException ? failure : new XgboostException($"reading the channel failed: {failure.Message}");
            }
            XgboostNative.Check(status, nameof(XgboostNative.XGQuantileDMatrixCreateFromCallback));
            return handle;
        }
        finally
        {
            self.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Reset(IntPtr self)
    {
        var loader = (QuantizedCsvLoader)GCHandle.FromIntPtr(self).Target!;
        loader._lines?.Dispose();
        loader._lines = null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Next(IntPtr self)
    {
        var loader = (QuantizedCsvLoader)GCHandle.FromIntPtr(self).Target!;
        try
        {
            return loader.NextBatch() ? 1 : 0;
        }
        catch (Exception e)
        {
            loader.Failure ??= e;
            return 0;
        }
    }

    private bool NextBatch()
    {
        if (Failure is not null) return false;
        _lines ??= _files.SelectMany(File.ReadLines).Where(l => l.Length > 0).GetEnumerator();
        var rows = 0;
        while (rows < _batchRows && _lines.MoveNext())
        {
            var line = _lines.Current.AsSpan();
            var cells = line.Count(',') + 1;
            if (_width < 0) Allocate(cells - 1);
            if (cells - 1 != _width) throw new RaggedCsvException();
            var row = _features + (long)rows * _width;
            var column = -1;
            foreach (var range in line.Split(','))
            {
                var value = CsvFloat.Parse(line[range]);
                if (column < 0) _labels[rows] = value;
                else row[column] = value;
                column++;
            }
            rows++;
        }
        if (rows == 0) return false;
        var data = $"{{\"data\": [{(ulong)_features}, true], \"shape\": [{rows}, {_width}], \"typestr\": \"<f4\", \"version\": 3}}";
        XgboostNative.Check(XgboostNative.XGProxyDMatrixSetDataDense(_proxy, data), nameof(XgboostNative.XGProxyDMatrixSetDataDense));
        XgboostNative.Check(XgboostNative.XGDMatrixSetFloatInfo(_proxy, "label", _labels, (ulong)rows), nameof(XgboostNative.XGDMatrixSetFloatInfo));
        return true;
    }

    private void Allocate(int width)
    {
        _width = width;
        _features = (float*)NativeMemory.Alloc((nuint)((long)_batchRows * Math.Max(width, 1)), sizeof(float));
    }

    public void Dispose()
    {
        _lines?.Dispose();
        XgboostNative.XGDMatrixFree(_proxy);
        if (_features is not null) NativeMemory.Free(_features);
        NativeMemory.Free(_labels);
        _features = null;
        _labels = null;
    }
}

/// <summary>Rows of a CSV channel have different numbers of cells, which a dense batch cannot hold.</summary>
internal sealed class RaggedCsvException() : Exception("rows of the channel have different numbers of cells");
