using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>Builds model.tar.gz archives like SageMaker writes them.</summary>
public static class ModelArchive
{
    public static byte[] With(params (string Name, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
                tar.WriteEntry(entry);
            }
        }
        return buffer.ToArray();
    }
}
