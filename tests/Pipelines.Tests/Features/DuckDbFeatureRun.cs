using System.Globalization;
using DuckDB.NET.Data;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Features;

/// <summary>
/// Runs a pipeline's features.sql on its bundled sample with DuckDB, the way the feature job does (WORKFLOW.md
/// "Feature job"): the sample becomes the view <c>source</c>, the SQL's result the table <c>features</c>, and the
/// split column follows the md5 hash rule on the entity key.
/// </summary>
public sealed class DuckDbFeatureRun : IDisposable
{
    private readonly DuckDBConnection connection;

    public DuckDbFeatureRun(PipelineSpec spec, bool allVarchar)
    {
        connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var csv = spec.SampleDataFile!.Replace("'", "''");
        Execute($"CREATE VIEW source AS SELECT * FROM read_csv('{csv}', header = true, all_varchar = {(allVarchar ? "true" : "false")})");
        var sql = File.ReadAllText(spec.Features.SqlFile).Trim().TrimEnd(';');
        Execute($"CREATE TABLE features AS {sql}");
        var key = Quote(spec.Features.EntityKey);
        var u = $"CAST(('0x' || substr(md5(CAST({key} AS VARCHAR)), 1, 8))::UBIGINT AS DOUBLE) / 4294967296.0";
        var train = spec.Features.Split.Train.ToString("R", CultureInfo.InvariantCulture);
        var trainValidation = (spec.Features.Split.Train + spec.Features.Split.Validation).ToString("R", CultureInfo.InvariantCulture);
        Execute($"CREATE TABLE split_features AS SELECT *, CASE WHEN {u} < {train} THEN 'train' " +
                $"WHEN {u} < {trainValidation} THEN 'validation' ELSE 'test' END AS split FROM features");
    }

    /// <summary>Output columns of the SQL in order, with DuckDB type names.</summary>
    public IReadOnlyList<(string Name, string Type)> Columns =>
        Rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'features' ORDER BY ordinal_position")
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

    public long Count(string sql) => Convert.ToInt64(Rows(sql)[0][0], CultureInfo.InvariantCulture);

    public List<object?[]> Rows(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();
}
