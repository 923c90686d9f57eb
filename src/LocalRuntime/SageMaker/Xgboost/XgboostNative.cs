using System.Runtime.InteropServices;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// XGBoost's C API as declared in xgboost 1.7.4's include/xgboost/c_api.h (<c>bst_ulong</c> is <c>uint64_t</c>;
/// handles are <c>void*</c>; every function but <c>XGBoostVersion</c> and <c>XGBGetLastError</c> returns 0 on success
/// and -1 on failure). The library is resolved by <see cref="XgboostLibrary"/>.
/// </summary>
internal static unsafe partial class XgboostNative
{
    public const string Library = "xgboost";

    [LibraryImport(Library)]
    public static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(Library)]
    public static partial IntPtr XGBGetLastError();

    [LibraryImport(Library)]
    public static partial int XGDMatrixCreateFromMat(float* data, ulong nrow, ulong ncol, float missing, out IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGDMatrixCreateFromFile(string uri, int silent, out IntPtr handle);

    [LibraryImport(Library)]
    public static partial int XGProxyDMatrixCreate(out IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGProxyDMatrixSetDataDense(IntPtr handle, string arrayInterface);

    /// <summary>
    /// <c>XGQuantileDMatrixCreateFromCallback(iter, proxy, ref, reset, next, config, out)</c>: <c>next</c> returns 1
    /// after setting a batch on the proxy and 0 at the end; <c>reset</c> starts the data over (it is read twice).
    /// </summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGQuantileDMatrixCreateFromCallback(IntPtr iterator, IntPtr proxy, IntPtr reference,
        delegate* unmanaged[Cdecl]<IntPtr, void> reset, delegate* unmanaged[Cdecl]<IntPtr, int> next, string config, out IntPtr handle);

    [LibraryImport(Library)]
    public static partial int XGDMatrixNumRow(IntPtr handle, out ulong rows);

    [LibraryImport(Library)]
    public static partial int XGDMatrixNumCol(IntPtr handle, out ulong columns);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGDMatrixGetFloatInfo(IntPtr handle, string field, out ulong length, out float* array);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGDMatrixSetFloatInfo(IntPtr handle, string field, float* array, ulong length);

    [LibraryImport(Library)]
    public static partial int XGDMatrixFree(IntPtr handle);

    [LibraryImport(Library)]
    public static partial int XGBoosterCreate(IntPtr* dmats, ulong length, out IntPtr handle);

    [LibraryImport(Library)]
    public static partial int XGBoosterFree(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSetParam(IntPtr handle, string name, string value);

    [LibraryImport(Library)]
    public static partial int XGBoosterUpdateOneIter(IntPtr handle, int iteration, IntPtr train);

    [LibraryImport(Library)]
    public static partial int XGBoosterEvalOneIter(IntPtr handle, int iteration, IntPtr* dmats, IntPtr* names, ulong length, out IntPtr result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterPredictFromDMatrix(IntPtr handle, IntPtr dmat, string config, out ulong* shape, out ulong dimensions, out float* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSaveModel(IntPtr handle, string fileName);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterLoadModel(IntPtr handle, string fileName);

    [LibraryImport(Library)]
    public static partial int XGBoosterBoostedRounds(IntPtr handle, out int rounds);

    [LibraryImport(Library)]
    public static partial int XGBoosterSlice(IntPtr handle, int beginLayer, int endLayer, int step, out IntPtr sliced);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterFeatureScore(IntPtr handle, string config, out ulong featureCount, out IntPtr* features,
        out ulong dimensions, out ulong* shape, out float* scores);

    /// <summary>Throws with XGBoost's own message when a call returned -1.</summary>
    public static void Check(int status, string call)
    {
        if (status == 0) return;
        var message = Marshal.PtrToStringUTF8(XGBGetLastError()) ?? "(no message)";
        throw new XgboostException($"{call} failed: {message}");
    }
}
