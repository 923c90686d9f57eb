using System.Globalization;
using System.Runtime.InteropServices;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// An XGBoost booster through the C API: parameters, one boosting round at a time (so a stop request is honoured
/// between rounds), evaluation, prediction, and the model file as <c>Booster.save_model</c> writes it.
/// </summary>
public sealed unsafe class Booster : IDisposable
{
    private IntPtr _handle;

    private Booster(IntPtr handle) => _handle = handle;

    /// <summary>A new booster caching <paramref name="matrices"/> (the training and evaluation data, as <c>xgb.train</c> does).</summary>
    public static Booster Create(params DMatrix[] matrices)
    {
        XgboostLibrary.EnsureLoaded();
        var handles = matrices.Select(m => m.Handle).ToArray();
        fixed (IntPtr* p = handles)
        {
            XgboostNative.Check(XgboostNative.XGBoosterCreate(p, (ulong)handles.Length, out var handle), nameof(XgboostNative.XGBoosterCreate));
            return new Booster(handle);
        }
    }

    /// <summary>Loads a model file (any format XGBoost 1.7 reads: the binary <c>xgboost-model</c>, JSON, UBJSON).</summary>
    public static Booster Load(byte[] model)
    {
        var booster = Create();
        var folder = Directory.CreateTempSubdirectory("xgboost-model-");
        try
        {
            var path = Path.Combine(folder.FullName, ModelArtifact.ModelEntry);
            File.WriteAllBytes(path, model);
            XgboostNative.Check(XgboostNative.XGBoosterLoadModel(booster.Handle, path), nameof(XgboostNative.XGBoosterLoadModel));
            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(Booster));

    public void SetParam(string name, string value) =>
        XgboostNative.Check(XgboostNative.XGBoosterSetParam(Handle, name, value), $"XGBoosterSetParam({name}={value})");

    public void UpdateOneIteration(int iteration, DMatrix train) =>
        XgboostNative.Check(XgboostNative.XGBoosterUpdateOneIter(Handle, iteration, train.Handle), nameof(XgboostNative.XGBoosterUpdateOneIter));

    /// <summary>XGBoost's evaluation line for one round, e.g. <c>[3]\ttrain-auc:0.91\tvalidation-auc:0.85</c>.</summary>
    public string Evaluate(int iteration, IReadOnlyList<(DMatrix Data, string Name)> sets)
    {
        var handles = sets.Select(s => s.Data.Handle).ToArray();
        var names = sets.Select(s => Marshal.StringToCoTaskMemUTF8(s.Name)).ToArray();
        try
        {
            fixed (IntPtr* h = handles)
            fixed (IntPtr* n = names)
            {
                XgboostNative.Check(XgboostNative.XGBoosterEvalOneIter(Handle, iteration, h, n, (ulong)sets.Count, out var result),
                    nameof(XgboostNative.XGBoosterEvalOneIter));
                return Marshal.PtrToStringUTF8(result) ?? "";
            }
        }
        finally
        {
            foreach (var name in names) Marshal.FreeCoTaskMem(name);
        }
    }

    public int BoostedRounds()
    {
        XgboostNative.Check(XgboostNative.XGBoosterBoostedRounds(Handle, out var rounds), nameof(XgboostNative.XGBoosterBoostedRounds));
        return rounds;
    }

    /// <summary>The first <paramref name="rounds"/> rounds as a new booster (early stopping's <c>save_best</c>).</summary>
    public Booster Slice(int rounds)
    {
        XgboostNative.Check(XgboostNative.XGBoosterSlice(Handle, 0, rounds, 1, out var sliced), nameof(XgboostNative.XGBoosterSlice));
        return new Booster(sliced);
    }

    /// <summary>
    /// Predictions with their shape (<c>XGBoosterPredictFromDMatrix</c>): <paramref name="type"/> 0 is the normal
    /// output (probabilities, values or class indices), 2 the SHAP contributions (<c>pred_contribs</c>).
    /// </summary>
    public (float[] Values, ulong[] Shape) Predict(DMatrix data, int type = 0, bool strictShape = false)
    {
        var values = PredictInPlace(data, out var dims, type, strictShape);
        return (values.ToArray(), dims);
    }

    /// <summary>
    /// <see cref="Predict"/> without the copy: a view of the booster's own output buffer, valid until its next call
    /// (training reads a 7-million-row set's predictions every round).
    /// </summary>
    internal ReadOnlySpan<float> PredictInPlace(DMatrix data, out ulong[] shape, int type = 0, bool strictShape = false)
    {
        var config = string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\": {type}, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, \"strict_shape\": {(strictShape ? "true" : "false")}}}");
        XgboostNative.Check(XgboostNative.XGBoosterPredictFromDMatrix(Handle, data.Handle, config, out var dimsPointer, out var dimensions, out var result),
            nameof(XgboostNative.XGBoosterPredictFromDMatrix));
        shape = new ReadOnlySpan<ulong>(dimsPointer, (int)dimensions).ToArray();
        var count = shape.Aggregate(1UL, (a, b) => a * b);
        return new ReadOnlySpan<float>(result, checked((int)count));
    }

    /// <summary>
    /// The model file as the container writes it: <c>bst.save_model("…/xgboost-model")</c>, a name without a
    /// <c>.json</c>/<c>.ubj</c> extension, so XGBoost 1.7 writes its binary format (c_api.cc, XGBoosterSaveModel).
    /// </summary>
    public byte[] Save()
    {
        var folder = Directory.CreateTempSubdirectory("xgboost-model-");
        try
        {
            var path = Path.Combine(folder.FullName, ModelArtifact.ModelEntry);
            XgboostNative.Check(XgboostNative.XGBoosterSaveModel(Handle, path), nameof(XgboostNative.XGBoosterSaveModel));
            return File.ReadAllBytes(path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Feature scores by <paramref name="importanceType"/> (<c>gain</c>, <c>total_gain</c>, <c>weight</c>...), keyed f0, f1...</summary>
    public IReadOnlyDictionary<string, double> FeatureScore(string importanceType)
    {
        XgboostNative.Check(XgboostNative.XGBoosterFeatureScore(Handle, $"{{\"importance_type\": \"{importanceType}\"}}",
            out var count, out var features, out _, out _, out var scores), nameof(XgboostNative.XGBoosterFeatureScore));
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < (int)count; i++) result[Marshal.PtrToStringUTF8(features[i])!] = scores[i];
        return result;
    }

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero) XgboostNative.XGBoosterFree(handle);
    }
}
