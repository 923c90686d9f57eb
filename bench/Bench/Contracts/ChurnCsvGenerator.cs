using System.Text;

namespace TrainingOrchestration.Bench.Contracts;

/// <summary>Repeats the churn sample's rows until the file reaches the target size, renumbering customer_id so keys stay unique.</summary>
internal static class ChurnCsvGenerator
{
    public static string Generate(string sample, string output, long targetBytes)
    {
        var lines = File.ReadAllLines(sample);
        var header = lines[0];
        var bodies = lines.Skip(1).Select(l => l[l.IndexOf(',')..]).ToArray();
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(header);
        writer.Write('\n');
        long written = header.Length + 1;
        long id = 0;
        while (written < targetBytes)
        {
            foreach (var body in bodies)
            {
                id++;
                var key = "C" + id.ToString("D7");
                writer.Write(key);
                writer.Write(body);
                writer.Write('\n');
                written += key.Length + body.Length + 1;
                if (written >= targetBytes) break;
            }
        }
        return output;
    }
}
