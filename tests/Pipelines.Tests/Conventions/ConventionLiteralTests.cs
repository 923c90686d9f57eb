using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Pipelines.Tests.Conventions;

public class ConventionLiteralTests
{
    private static readonly string ConventionsFolder = Path.Combine("src", "Pipelines", "Conventions") + Path.DirectorySeparatorChar;

    [Fact]
    public void No_source_outside_the_conventions_folder_retypes_a_key_prefix_bucket_prefix_metric_name_or_variable_name()
    {
        var root = RepositoryPaths.Root;
        var files = new[] { "src", "infra" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(root, path))
            .Where(path => !path.StartsWith(ConventionsFolder, StringComparison.Ordinal))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "cdk.out"))
            .ToList();
        Assert.NotEmpty(files);

        var found = files.SelectMany(path => ConventionLiteralRules.Check(path, File.ReadAllText(Path.Combine(root, path)))).ToList();

        Assert.True(found.Count == 0, "Use src/Pipelines/Conventions instead of these literals:\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("var sk = \"RUN#\" + runId;", "RUN#")]
    [InlineData("var sk = $\"VALIDATION#{runId}\";", "VALIDATION#")]
    [InlineData("var key = @\"PROFILE#ACCEPTED\";", "PROFILE#")]
    [InlineData("Item(pk, \"CHAMPION\");", "CHAMPION")]
    [InlineData("Item(pk, \"LOCK\");", "LOCK")]
    [InlineData("Item(pk, \"TRIGGER\");", "TRIGGER")]
    [InlineData("var uri = $\"s3://{bucket}/models/approved/{p}/\";", "models/approved/")]
    [InlineData("Arn(\"features/\" + p);", "features/")]
    [InlineData("emf.Put(\"ModelMetric\", 1, unit);", "ModelMetric")]
    [InlineData("var ns = \"TrainingOrchestration\";", "TrainingOrchestration")]
    [InlineData("env[\"TABLE_NAME\"] = table;", "TABLE_NAME")]
    [InlineData("var j = \"\"\"\n{ \"pk\": \"TOKEN#x\" }\n\"\"\";", "TOKEN#")]
    [InlineData("Log($\"at {Format(\"MODEL#\")}\");", "MODEL#")]
    [InlineData("var pk = partition + \"#VALIDATION\";", "#VALIDATION")]
    public void The_scanner_reports_a_convention_typed_as_a_literal(string source, string expected)
    {
        var found = Assert.Single(ConventionLiteralRules.Check("Sample.cs", "class C {\n void M() {\n" + source + "\n }\n}"));

        Assert.Contains(expected, found.Literal, StringComparison.Ordinal);
        Assert.Equal(3, found.Line);
        Assert.StartsWith("Sample.cs:3: ", found.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("// Item(pk, \"CHAMPION\"); RUN# comes from TableKeys")]
    [InlineData("/* \"models/approved/\" */ var x = 1;")]
    [InlineData("var sk = TableKeys.Run(runId);")]
    [InlineData("var c = '\"'; var s = \"Champion\";")]
    [InlineData("var message = \"reads raw files of the table\";")]
    [InlineData("var path = $\"s3/*/{BucketLayout.RunFeatures(p, runId)}\";")]
    public void The_scanner_leaves_comments_identifiers_and_unrelated_text_alone(string source)
    {
        Assert.Empty(ConventionLiteralRules.Check("Sample.cs", source));
    }

    [Fact]
    public void A_literal_spanning_lines_is_reported_on_the_line_it_starts()
    {
        var source = "var a = 1;\nvar b = @\"first line\nMODEL#x\";";

        Assert.Equal(2, Assert.Single(ConventionLiteralRules.Check("Sample.cs", source)).Line);
    }

    [Fact]
    public void Every_custom_metric_name_and_stack_variable_is_checked()
    {
        foreach (var name in MetricNames.All.Concat(LambdaEnvironmentVariables.Stack))
        {
            Assert.NotNull(ConventionLiteralRules.Violation(name));
        }
    }
}
