using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// <c>model.tar.gz</c> as the local trainer writes it: <c>model.zip</c> (the ML.NET model, in place of XGBoost's
/// <c>xgboost-model</c>) and <c>metrics.json</c> (the final metrics, which the evaluation step falls back to).
/// </summary>
public static class ModelArtifact
{
    public const string ModelEntry = "model.zip";
    public const string MetricsEntry = "metrics.json";

    public static void Write(string path, byte[] model, string metricsJson)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
        Add(tar, ModelEntry, model);
        Add(tar, MetricsEntry, Encoding.UTF8.GetBytes(metricsJson));
    }

    /// <summary>The bytes of one entry, or <c>null</c> when the archive has no such entry.</summary>
    public static byte[]? ReadEntry(string path, string entryName)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name != entryName || entry.DataStream is null) continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            return buffer.ToArray();
        }
        return null;
    }

    private static void Add(TarWriter tar, string name, byte[] content)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };
        tar.WriteEntry(entry);
    }
}
