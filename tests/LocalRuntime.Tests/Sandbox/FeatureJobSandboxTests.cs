using TrainingOrchestration.LocalRuntime.Glue;
using TrainingOrchestration.LocalRuntime.Tests.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.Sandbox;

/// <summary>The local Glue job refuses feature SQL that reaches outside, and writes nothing for it.</summary>
public sealed class FeatureJobSandboxTests
{
    [Theory]
    [InlineData("SELECT customer_id, 1 AS churn FROM source;\nCOPY source TO '/tmp/escaped.csv'", "line 2, column 1")]
    [InlineData("SELECT customer_id, 1 AS churn FROM read_csv('/etc/passwd')", "read_csv()")]
    [InlineData("SELECT customer_id, 1 AS churn FROM '/etc/hostname'", "names a file")]
    public void Feature_sql_that_reaches_outside_fails_the_job_naming_where(string sql, string expected)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, sql);
        try
        {
            using var ws = new FeatureWorkspace(file).WithRawFile("part.csv", "customer_id,churn\nC1,1\n");

            var error = Assert.Throws<FeatureJobException>(() => ws.Run("r1"));

            Assert.Contains("refused at", error.Message);
            Assert.Contains(expected, error.Message);
            Assert.False(File.Exists(ws.Manifest("r1")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_churn_features_still_run_with_the_connection_sealed()
    {
        using var ws = new FeatureWorkspace().WithChurnSample();

        Assert.Equal(7043, ws.Run("r1").Rows.Table);
    }
}
