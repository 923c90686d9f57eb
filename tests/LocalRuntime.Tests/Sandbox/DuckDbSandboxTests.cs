using DuckDB.NET.Data;
using TrainingOrchestration.LocalRuntime.Sandbox;

namespace TrainingOrchestration.LocalRuntime.Tests.Sandbox;

/// <summary>The second wall: even SQL that slipped past the guard cannot touch files outside the allowed folders.</summary>
public sealed class DuckDbSandboxTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sandbox-tests-").FullName;
    private readonly DuckDBConnection db = new("DataSource=:memory:");

    public DuckDbSandboxTests()
    {
        db.Open();
        File.WriteAllText(Path.Combine(folder, "data.csv"), "id,x\n1,2\n");
        Execute($"CREATE TEMP TABLE source AS SELECT * FROM read_csv('{Path.Combine(folder, "data.csv")}')");
    }

    [Fact]
    public void A_sealed_connection_still_queries_the_views_created_before()
    {
        DuckDbSandbox.Seal(db, []);

        using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM source";
        Assert.Equal(1L, Convert.ToInt64(command.ExecuteScalar()));
    }

    [Fact]
    public void A_sealed_connection_refuses_to_read_a_file()
    {
        DuckDbSandbox.Seal(db, []);

        var error = Assert.Throws<DuckDBException>(() => Execute($"SELECT * FROM read_csv('{Path.Combine(folder, "data.csv")}')"));
        Assert.Contains("disabled", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_sealed_connection_refuses_to_turn_external_access_back_on()
    {
        DuckDbSandbox.Seal(db, []);

        Assert.Throws<DuckDBException>(() => Execute("SET enable_external_access = true"));
    }

    [Fact]
    public void A_sealed_connection_writes_only_inside_the_allowed_directories()
    {
        var outputs = Directory.CreateDirectory(Path.Combine(folder, "out")).FullName;
        DuckDbSandbox.Seal(db, [outputs]);

        Execute($"COPY source TO '{Path.Combine(outputs, "ok.csv")}' (HEADER true)");
        Assert.Throws<DuckDBException>(() => Execute($"COPY source TO '{Path.Combine(folder, "escaped.csv")}' (HEADER true)"));

        Assert.True(File.Exists(Path.Combine(outputs, "ok.csv")));
        Assert.False(File.Exists(Path.Combine(folder, "escaped.csv")));
    }

    [Fact]
    public void Sql_that_breaks_a_rule_is_refused_before_the_connection_runs_it()
    {
        var error = Assert.Throws<SandboxedSqlException>(() => DuckDbSandbox.Seal(db, "SELECT 1 FROM source;\nCOPY source TO 'x.csv'", ["source"], []));

        Assert.Equal(2, error.Violation.Line);
    }

    private void Execute(string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        db.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
