using TrainingOrchestration.Tasks.Configuration;

namespace TrainingOrchestration.Tasks.Tests.Configuration;

public sealed class LambdaEnvironmentTests
{
    [Fact]
    public void Scoped_variables_replace_the_process_environment_until_the_scope_ends()
    {
        var variables = new Dictionary<string, string> { ["TABLE_NAME"] = "scoped-table" };

        string? inside;
        using (LambdaEnvironment.Use(variables))
        {
            inside = LambdaEnvironment.Get("TABLE_NAME");
        }

        Assert.Equal("scoped-table", inside);
        Assert.Equal(Environment.GetEnvironmentVariable("TABLE_NAME"), LambdaEnvironment.Get("TABLE_NAME"));
    }

    [Fact]
    public async Task Concurrent_invocations_each_see_their_own_variables()
    {
        async Task<string?> Invoke(string table)
        {
            using (LambdaEnvironment.Use(new Dictionary<string, string> { ["TABLE_NAME"] = table }))
            {
                await Task.Delay(20);
                return LambdaEnvironment.Get("TABLE_NAME");
            }
        }

        var results = await Task.WhenAll(Invoke("a"), Invoke("b"), Invoke("c"));

        Assert.Equal(new string?[] { "a", "b", "c" }, results);
    }

    [Fact]
    public void Nested_scopes_restore_the_outer_scope_and_its_output()
    {
        var outerOutput = new StringWriter();
        using (LambdaEnvironment.Use(new Dictionary<string, string> { ["X"] = "outer" }, outerOutput))
        {
            using (LambdaEnvironment.Use(new Dictionary<string, string> { ["X"] = "inner" }))
            {
                Assert.Equal("inner", LambdaEnvironment.Get("X"));
                Assert.Same(outerOutput, LambdaEnvironment.Output);
            }

            Assert.Equal("outer", LambdaEnvironment.Get("X"));
        }
    }
}
