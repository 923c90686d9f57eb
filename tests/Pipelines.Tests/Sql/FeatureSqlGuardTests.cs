using TrainingOrchestration.Pipelines.Sql;

namespace TrainingOrchestration.Pipelines.Tests.Sql;

/// <summary>Feature SQL is one SELECT over the job's views: everything that reaches outside is refused where it is written.</summary>
public sealed class FeatureSqlGuardTests
{
    private static readonly string[] Source = ["source"];

    [Theory]
    [InlineData("SELECT customer_id, 1 AS churn FROM source")]
    [InlineData("SELECT * FROM source;")]
    [InlineData("WITH s AS (SELECT * FROM source), t (a) AS (SELECT customer_id FROM s) SELECT * FROM s JOIN t ON s.customer_id = t.a")]
    [InlineData("SELECT EXTRACT(year FROM signup) AS y, TRIM(BOTH 'x' FROM name) AS n FROM source WHERE a IS DISTINCT FROM b")]
    [InlineData("SELECT 'read_csv(''x'')' AS text, \"glob\" AS g FROM source -- read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM source /* COPY source TO 'x.csv'; */")]
    [InlineData("SELECT a FROM source s, (SELECT 1 AS b) t WHERE a IN (SELECT a FROM source)")]
    [InlineData("SELECT x FROM source, unnest([1, 2]) AS u(x)")]
    public void Queries_over_the_source_view_are_accepted(string sql)
    {
        Assert.Null(FeatureSqlGuard.Check(sql, Source));
    }

    [Theory]
    [InlineData("SELECT * FROM source; COPY source TO '/tmp/out.csv'", 1, 23, "second statement")]
    [InlineData("COPY (SELECT 1) TO '/tmp/x.csv'", 1, 1, "starts with 'COPY'")]
    [InlineData("ATTACH '/tmp/x.db' AS x", 1, 1, "starts with 'ATTACH'")]
    [InlineData("INSTALL httpfs", 1, 1, "starts with 'INSTALL'")]
    [InlineData("PRAGMA database_list", 1, 1, "starts with 'PRAGMA'")]
    [InlineData("SET enable_external_access = true", 1, 1, "starts with 'SET'")]
    [InlineData("FROM 'x.csv' SELECT *", 1, 1, "starts with 'FROM'")]
    [InlineData("SELECT *\nFROM read_csv('/etc/passwd', sep = ':')", 2, 6, "read_csv() reads files")]
    [InlineData("SELECT getenv('HOME') AS h FROM source", 1, 8, "getenv() reads")]
    [InlineData("SELECT current_setting('temp_directory') AS t FROM source", 1, 8, "current_setting() reads")]
    [InlineData("SELECT * FROM source WHERE EXISTS (SELECT * FROM glob('/etc/*'))", 1, 50, "glob() reads")]
    [InlineData("SELECT \"read_text\"('/etc/passwd') FROM source", 1, 8, "read_text() reads")]
    [InlineData("SELECT '/etc/passwd'.read_text() FROM source", 1, 22, "read_text() reads")]
    [InlineData("SELECT * FROM duckdb_settings()", 1, 15, "duckdb_settings() reads")]
    [InlineData("SELECT * FROM '/etc/passwd'", 1, 15, "names a file")]
    [InlineData("SELECT * FROM source JOIN \"secrets.csv\" USING (id)", 1, 27, "not a view the job defines")]
    [InlineData("SELECT * FROM source, 'x.parquet'", 1, 23, "names a file")]
    [InlineData("SELECT * FROM other_table", 1, 15, "not a view the job defines")]
    [InlineData("SELECT * FROM parquet.`s3://bucket/x`", 1, 15, "qualifies a table")]
    [InlineData("SELECT * FROM (PIVOT 'x.csv' ON a USING sum(b))", 1, 16, "starts a statement")]
    [InlineData("SELECT * FROM (FROM 'x.csv')", 1, 21, "names a file")]
    [InlineData("SELECT * FROM source WHERE a = 'it\\'s'", 1, 35, "backslash")]
    [InlineData("SELECT $$x$$ FROM source", 1, 8, "'$'")]
    [InlineData("SELECT 'open FROM source", 1, 8, "never closed")]
    [InlineData("SELECT 1 /* a /* b */ */ FROM source", 1, 15, "inside a comment")]
    [InlineData("   \n-- nothing\n", 1, 1, "empty")]
    [InlineData("SELECT reflect('java.lang.Runtime', 'getRuntime') FROM source", 1, 8, "reflect() reads")]
    public void Sql_that_reaches_outside_is_refused_at_its_line_and_column(string sql, int line, int column, string problem)
    {
        var violation = FeatureSqlGuard.Check(sql, Source);

        Assert.NotNull(violation);
        Assert.Contains(problem, violation.Problem);
        Assert.Equal((line, column), (violation.Line, violation.Column));
        Assert.NotEmpty(violation.Fix);
    }

    [Fact]
    public void The_bundled_pipelines_feature_sql_passes()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "pipelines"), "features.sql", SearchOption.AllDirectories))
        {
            Assert.True(FeatureSqlGuard.Check(File.ReadAllText(file), Source) is null, $"{file}: {FeatureSqlGuard.Check(File.ReadAllText(file), Source)}");
        }
    }

    [Fact]
    public void A_described_violation_names_file_line_column_and_field()
    {
        var violation = FeatureSqlGuard.Check("SELECT *\nFROM read_csv('x')", Source)!;

        Assert.StartsWith("/p/features.sql:2:6: features.sql: read_csv()", violation.Describe("/p/features.sql", "features.sql"));
    }
}
