using System.Runtime.InteropServices;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// A fast non-cryptographic hash of a key's characters, 8 bytes per multiply-mix round (a SplitMix64 finalizer),
/// for the uniqueness partitions and tables: string hashing's randomized Marvin is several times slower on the short
/// keys tables have. Collisions cost only a comparison (keys are always compared in full), never a false duplicate.
/// </summary>
internal static class KeyHash
{
    /// <returns>A non-negative 31-bit hash whose top bits pick the partition and low bits the table slot.</returns>
    public static int Of(ReadOnlySpan<char> key)
    {
        var bytes = MemoryMarshal.AsBytes(key);
        var hash = 0x9E37_79B9_7F4A_7C15UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = Mix(hash ^ MemoryMarshal.Read<ulong>(bytes));
            bytes = bytes[8..];
        }
        if (bytes.Length > 0)
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++) tail |= (ulong)bytes[i] << (8 * i);
            hash = Mix(hash ^ tail);
        }
        return (int)(Mix(hash) >> 33);
    }

    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return x ^ (x >> 31);
    }
}
