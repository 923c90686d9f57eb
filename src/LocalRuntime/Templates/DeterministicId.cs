using System.Security.Cryptography;
using System.Text;

namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>
/// Stable stand-ins for the random parts CloudFormation puts in generated names, so the same template and stack name
/// always give the same physical names: a reused workspace then finds its tables and buckets again.
/// </summary>
internal static class DeterministicId
{
    public static string Suffix(string seed, int length = 12)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[hash[i] % alphabet.Length];
        return new string(chars);
    }

    public static Guid Guid(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16));
    }
}
