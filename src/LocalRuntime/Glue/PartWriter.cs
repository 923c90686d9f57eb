using System.Globalization;
using DuckDB.NET.Data;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// Writes a result as several CSV part files, as the Glue script does with Spark (<c>repartitionByRange(parts, key)</c>,
/// sorted within each part): the key's <c>parts</c>-quantiles cut the rows into contiguous key ranges, equal keys always
/// in the same range, and each non-empty range becomes <c>part-NNNNN-c000.csv</c> (Spark's part naming without its
/// write-job id), written with the given COPY options (header, CSV dialect); rows with a NULL key go to the last range,
/// as they sort last, or all to the first when no key is set. A result with no rows still gets one part (the header
/// only for the table), so every prefix holds at least one file. Each part is one range scan of the key-ordered
/// relation and a sort of that part alone, so the writer holds no copy of the data.
/// </summary>
internal sealed class PartWriter(DuckDBConnection db, int parts, string orderKey)
{
    public static string PartName(int index) => $"part-{index.ToString("D5", CultureInfo.InvariantCulture)}-c000.csv";

    /// <param name="relation">A table, or a parenthesized SELECT, holding <c>orderKey</c>.</param>
    public void Write(string relation, string columns, string folder, string copyOptions, string step)
    {
        var written = 0;
        var ranges = Ranges(relation, step);
        for (var part = 0; part < ranges.Count; part++)
        {
            var path = Path.Combine(folder, PartName(part));
            if (Copy($"SELECT {columns} FROM {relation} AS __rows WHERE {ranges[part]} ORDER BY {orderKey}", path, copyOptions, step) > 0) written++;
            else File.Delete(path);
        }
        if (written == 0) Copy($"SELECT {columns} FROM {relation} AS __rows WHERE FALSE", Path.Combine(folder, PartName(0)), copyOptions, step);
    }

    /// <summary>
    /// One WHERE condition per part: the key up to the first inner quantile, between two quantiles, and past the last
    /// (with the NULL keys); a single condition taking every row when there is one part or no key is set.
    /// </summary>
    private List<string> Ranges(string relation, string step)
    {
        if (parts <= 1) return ["TRUE"];
        var quantiles = string.Join(", ", Enumerable.Range(1, parts - 1).Select(k => DuckDbSql.Number((double)k / parts)));
        // One row: how many keys are set, the key's type, then the parts - 1 inner quantiles as text (one aggregate).
        var elements = string.Join(", ", Enumerable.Range(1, parts - 1).Select(i => $"q[{i}]"));
        var row = DuckDbSql.Strings(db, $"SELECT n, t, {elements} FROM (SELECT count({orderKey}) AS n, any_value(typeof({orderKey})) AS t, " +
            $"quantile_disc({orderKey}, [{quantiles}])::VARCHAR[] AS q FROM {relation} AS __rows)", step);
        if (row[0] == "0") return ["TRUE"];
        var bounds = row.Skip(2).Select(b => $"CAST({DuckDbSql.Literal(b)} AS {row[1]})").ToList();
        var ranges = new List<string> { $"{orderKey} <= {bounds[0]}" };
        for (var i = 1; i < bounds.Count; i++) ranges.Add($"{orderKey} > {bounds[i - 1]} AND {orderKey} <= {bounds[i]}");
        ranges.Add($"({orderKey} > {bounds[^1]} OR {orderKey} IS NULL)");
        return ranges;
    }

    private long Copy(string select, string path, string copyOptions, string step) =>
        DuckDbSql.Execute(db, $"COPY ({select}) TO {DuckDbSql.Literal(path)} ({copyOptions})", step);
}
