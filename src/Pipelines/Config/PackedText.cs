using System.IO.Compression;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Pipelines.Config;

/// <summary>
/// Shrinks the contract YAML for <c>PIPELINE_CONFIG</c>: re-emitted without comments (same documents, same
/// nodes), gzipped and base64-encoded. Lambda allows 4 KB for all of a function's environment variables together,
/// and a commented contract alone can exceed that.
/// </summary>
internal static class PackedText
{
    public static string PackYaml(string yaml)
    {
        if (yaml.Length == 0) return "";
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var compact = new StringWriter();
        stream.Save(compact, assignAnchors: false);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(compact.ToString()));
        }
        return Convert.ToBase64String(buffer.ToArray());
    }

    public static string Unpack(string packed)
    {
        if (packed.Length == 0) return "";
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(packed)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
