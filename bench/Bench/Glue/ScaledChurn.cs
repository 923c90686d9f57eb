using System.Globalization;
using System.Text;

namespace TrainingOrchestration.Bench.Glue;

/// <summary>
/// The churn sample scaled to N rows exactly as <c>bench/run-pipeline.sh</c>'s awk does it: the header, then row i
/// (from 0) is <c>C%07d</c> of i + 1 followed by everything after the first comma of sample row i mod n.
/// </summary>
internal static class ScaledChurn
{
    public static void Write(string sample, string target, long rows)
    {
        var lines = File.ReadAllLines(sample);
        var rest = lines.Skip(1).Select(l => l[l.IndexOf(',', StringComparison.Ordinal)..]).ToArray();
        using var writer = new StreamWriter(target, append: false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        writer.WriteLine(lines[0]);
        for (long i = 0; i < rows; i++)
        {
            writer.Write('C');
            writer.Write((i + 1).ToString("D7", CultureInfo.InvariantCulture));
            writer.WriteLine(rest[i % rest.Length]);
        }
    }
}
