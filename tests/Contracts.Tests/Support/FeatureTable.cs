using DuckDB.NET.Data;

namespace TrainingOrchestration.Contracts.Tests.Support;

/// <summary>
/// Builds a pipeline's feature table the way the feature job does (WORKFLOW.md "Feature job"): its features.sql over
/// its sample as the view <c>source</c>, plus the md5 hash split, written as CSV with a header.
/// </summary>
internal static class FeatureTable
{
    public static string Build(string pipeline, string entityKey, string directory)
    {
        var folder = Repository.Path("pipelines", pipeline);
        var sample = Directory.GetFiles(Path.Combine(folder, "sample"), "*.csv").Single();
        var sql = File.ReadAllText(Path.Combine(folder, "features.sql")).Trim().TrimEnd(';');
        var output = Path.Combine(directory, "part-00000.csv");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE VIEW source AS SELECT * FROM read_csv_auto('{sample}', header = true);";
        command.ExecuteNonQuery();
        command.CommandText = $"""
            COPY (
              SELECT f.*, CASE WHEN u < 0.7 THEN 'train' WHEN u < 0.9 THEN 'validation' ELSE 'test' END AS split
              FROM (SELECT *, ('0x' || substr(md5(CAST({entityKey} AS VARCHAR)), 1, 8))::UBIGINT / 4294967296.0 AS u FROM ({sql}) q) f
            ) TO '{output}' (HEADER, DELIMITER ',');
            """;
        command.ExecuteNonQuery();
        // The projection above keeps u; drop it by rewriting the header-aware CSV through DuckDB once more.
        command.CommandText = $"COPY (SELECT * EXCLUDE (u) FROM read_csv_auto('{output}', header = true, all_varchar = true)) TO '{output}.tmp' (HEADER, DELIMITER ',');";
        command.ExecuteNonQuery();
        File.Move(output + ".tmp", output, overwrite: true);
        return output;
    }
}
