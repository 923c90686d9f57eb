using System.Globalization;
using System.Text;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// Writes the pipeline's sample: a copy of the user's file (never modified itself) under the SQL column names, with the
/// added entity key first when the table has none. Returns the last row, which the sample event re-sends as a new entity.
/// </summary>
internal static class SampleWriter
{
    public static IReadOnlyDictionary<string, string?> Write(ScaffoldPlan plan, string target)
    {
        using var csv = new CsvText(plan.Profile.File);
        var reader = csv.Rows;
        var header = plan.SampleHeader.ToList();
        using var writer = new StreamWriter(target, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', header.Select(Quote)));
        var row = new string?[header.Count];
        long number = 0;
        while (reader.Read())
        {
            number++;
            var offset = 0;
            if (plan.Key.Added)
            {
                row[0] = KeyValue(plan.Key, number);
                offset = 1;
            }
            for (var i = 0; i < reader.FieldCount; i++) row[i + offset] = reader.IsDBNull(i) ? null : reader.GetString(i);
            writer.WriteLine(string.Join(',', row.Select(v => Quote(v ?? ""))));
        }
        return header.Select((name, i) => (name, row[i])).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);
    }

    public static string KeyValue(KeyPlan key, long rowNumber) =>
        KeyPlan.Prefix + rowNumber.ToString(CultureInfo.InvariantCulture).PadLeft(key.Digits, '0');

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
