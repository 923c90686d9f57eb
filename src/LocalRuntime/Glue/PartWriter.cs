using System.Globalization;
using DuckDB.NET.Data;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// Writes a result as several CSV part files, as the Glue script does with Spark (<c>repartitionByRange(parts, key)</c>,
/// sorted within each part): the rows in key order are cut into <c>--output_parts</c> contiguous key ranges and each
/// non-empty range becomes <c>part-NNNNN-c000.csv</c> (Spark's part naming without its write-job id), written with the
/// given COPY options (header, CSV dialect). A result with no rows still gets one part (the header only for the table),
/// so every prefix holds at least one file.
/// </summary>
internal sealed class PartWriter(DuckDBConnection db, int parts, string orderKey)
{
    public static string PartName(int index) => $"part-{index.ToString("D5", CultureInfo.InvariantCulture)}-c000.csv";

    public void Write(string relation, string columns, string folder, string copyOptions, string step)
    {
        DuckDbSql.Execute(db, $"CREATE OR REPLACE TEMP TABLE __parts AS SELECT *, " +
            $"CAST(floor((row_number() OVER (ORDER BY {orderKey}) - 1) * {parts} / count(*) OVER ()) AS INTEGER) AS __part FROM {relation}", step);
        var used = new List<int>();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT DISTINCT __part FROM __parts ORDER BY __part";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) used.Add(reader.GetInt32(0));
        }
        if (used.Count == 0) used.Add(0);
        foreach (var part in used)
        {
            var target = DuckDbSql.Literal(Path.Combine(folder, PartName(part)));
            var select = columns == "*" ? "* EXCLUDE (__part)" : columns;
            DuckDbSql.Execute(db, $"COPY (SELECT {select} FROM __parts WHERE __part = {part} ORDER BY {orderKey}) TO {target} " +
                $"({copyOptions})", step);
        }
    }
}
