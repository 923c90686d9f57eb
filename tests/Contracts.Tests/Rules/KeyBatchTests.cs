using TrainingOrchestration.Contracts.Checks;

namespace TrainingOrchestration.Contracts.Tests.Rules;

/// <summary>A spilled batch of keys reads back exactly: keys, hashes and values, in the compact format's every variant.</summary>
public class KeyBatchTests
{
    [Theory]
    [InlineData("latin-1 keys, short", 0)]
    [InlineData("wide characters", 1)]
    [InlineData("keys of 256 characters and more", 2)]
    [InlineData("values out of order and in other files", 3)]
    public void A_batch_written_and_read_back_holds_the_same_entries(string what, int variant)
    {
        var random = new Random(variant);
        var written = new List<(string Key, int Hash, long Value)>();
        var batch = new KeyBatch();
        using var stream = new MemoryStream();
        long row = 0;
        for (var i = 0; i < 5000; i++)
        {
            var key = variant switch
            {
                1 => $"ключ-{i}-✓",
                2 => new string((char)('a' + i % 26), 250 + i % 20),
                _ => $"C{i:D9}é",
            };
            row += random.Next(1, 300);
            var value = variant == 3 ? ((long)random.Next(0, 5) << 40) + random.Next(0, 1 << 30) : row;
            var hash = KeyHash.Of(key);
            written.Add((key, hash, value));
            batch.Add(key, hash, value);
            if (i == 2000) Flush();
        }
        Flush();
        stream.Position = 0;
        var read = new List<(string, int, long)>();
        var reader = new KeyBatch();
        while (reader.ReadFrom(stream))
        {
            for (var i = 0; i < reader.Count; i++) read.Add((reader.Key(i).ToString(), reader.Hash(i), reader.Value(i)));
        }
        Assert.True(written.SequenceEqual(read), what);

        void Flush()
        {
            batch.WriteTo(stream);
            batch.Clear();
        }
    }
}
