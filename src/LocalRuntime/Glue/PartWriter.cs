using System.Globalization;
using DuckDB.NET.Data;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// Writes a result as several CSV part files, as the Glue script does with Spark (<c>repartitionByRange(parts, key)</c>,
/// sorted within each part): the key's <c>parts</c>-quantiles cut the rows into contiguous key ranges, equal keys always
/// in the same range, and each non-empty range becomes <c>part-NNNNN-c000.csv</c> (Spark's part naming without its
/// write-job id), written with the given COPY options (header, CSV dialect); rows with a NULL key go to the last range,
/// as they sort last. A result with no rows still gets one part (the header only for the table), so every prefix holds
/// at least one file. Each part is one range scan of the key-ordered relation and a sort of that part alone, so the
/// writer holds no copy of the data.
/// </summary>
internal sealed class PartWriter(DuckDBConnection db, int parts, string orderKey)
{
    public static string PartName(int index) => $"part-{index.ToString("D5", CultureInfo.InvariantCulture)}-c000.csv";

    /// <param name="relation">A table, or a parenthesized SELECT, holding <c>orderKey</c>.</param>
    public void Write(string relation, string columns, string folder, string copyOptions, string step)
    {
        var bounds = Bounds(relation, step);
        var written = 0;
        for (var part = 0; part < parts; part++)
        {
            var lower = part == 0 ? null : bounds[part - 1];
            var upper = part == parts - 1 ? null : bounds[part];
            var range = (lower, upper) switch
            {
                (null, null) => "TRUE",
                (null, { } u) => $"{orderKey} <= {u}",
                ({ } l, null) => $"({orderKey} > {l} OR {orderKey} IS NULL)",
                ({ } l, { } u) => $"{orderKey} > {l} AND {orderKey} <= {u}",
            };
            var path = Path.Combine(folder, PartName(part));
            if (Copy($"SELECT {columns} FROM {relation} AS __rows WHERE {range} ORDER BY {orderKey}", path, copyOptions, step) > 0) written++;
            else File.Delete(path);
        }
        if (written == 0) Copy($"SELECT {columns} FROM {relation} AS __rows WHERE FALSE", Path.Combine(folder, PartName(0)), copyOptions, step);
    }

    /// <summary>The key at each of the <c>parts - 1</c> inner quantiles, as SQL literals (null where the relation has no rows).</summary>
    private string?[] Bounds(string relation, string step)
    {
        var bounds = new string?[Math.Max(parts - 1, 0)];
        if (bounds.Length == 0) return bounds;
        var quantiles = string.Join(", ", Enumerable.Range(1, parts - 1).Select(k => DuckDbSql.Number((double)k / parts)));
        try
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT quantile_disc({orderKey}, [{quantiles}])::VARCHAR[] AS q, any_value(typeof({orderKey})) AS t " +
                $"FROM {relation} AS __rows";
            using var reader = cmd.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0)) return bounds;
            var values = (System.Collections.IEnumerable)reader.GetValue(0);
            var type = reader.GetString(1);
            var i = 0;
            foreach (var value in values) bounds[i++] = $"CAST({DuckDbSql.Literal((string)value)} AS {type})";
            return bounds;
        }
        catch (DuckDBException e)
        {
            throw new FeatureJobException($"{step} failed: {e.Message}", e);
        }
    }

    private long Copy(string select, string path, string copyOptions, string step)
    {
        try
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"COPY ({select}) TO {DuckDbSql.Literal(path)} ({copyOptions})";
            return cmd.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw new FeatureJobException($"{step} failed: {e.Message}", e);
        }
    }
}
