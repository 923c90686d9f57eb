using System.Formats.Tar;
using System.IO.Compression;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// <c>model.tar.gz</c> as SageMaker's XGBoost 1.7-1 container leaves it: the model directory holds one file,
/// <c>xgboost-model</c> (train.py: <c>bst.save_model(os.path.join(model_dir, MODEL_NAME))</c>). Nothing else goes in:
/// the container's server loads every file of the directory as a model (serve.py, <c>load_model(ensemble=True)</c>).
/// </summary>
public static class ModelArtifact
{
    public const string ModelEntry = "xgboost-model";

    public static void Write(string path, byte[] model)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, ModelEntry) { DataStream = new MemoryStream(model) });
    }

    /// <summary>The bytes of one entry, or <c>null</c> when the archive has no such entry.</summary>
    public static byte[]? ReadEntry(string path, string entryName)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name.TrimStart('.', '/') != entryName || entry.DataStream is null) continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            return buffer.ToArray();
        }
        return null;
    }

    /// <summary>The model file of an artifact, failing the job as the container does when there is none.</summary>
    public static byte[] ReadModel(string path, string artifact) =>
        (File.Exists(path) ? ReadEntry(path, ModelEntry) : null)
        ?? throw AlgorithmFailure.Client($"Model artifact {artifact} holds no {ModelEntry}.");
}
