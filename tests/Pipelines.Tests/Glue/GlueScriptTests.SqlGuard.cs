using System.Text.Json;
using TrainingOrchestration.Pipelines.Sql;

namespace TrainingOrchestration.Pipelines.Tests.Glue;

/// <summary>The Glue script refuses the same feature SQL as the C# guard, with the same word lists and positions.</summary>
public sealed partial class GlueScriptTests
{
    private static readonly string[] GuardCases =
    [
        "SELECT customer_id, 1 AS churn FROM source",
        "WITH s AS (SELECT * FROM source) SELECT EXTRACT(year FROM d) FROM s WHERE a IS DISTINCT FROM b",
        "SELECT 'read_csv(x)' AS t FROM source -- glob('x')",
        "SELECT * FROM source;\nCOPY source TO '/tmp/x.csv'",
        "COPY (SELECT 1) TO 'x'",
        "SELECT *\nFROM read_csv('/etc/passwd')",
        "SELECT getenv('HOME') FROM source",
        "SELECT * FROM source, 'x.csv'",
        "SELECT * FROM \"secrets.csv\"",
        "SELECT * FROM parquet.`s3://b/k`",
        "SELECT * FROM (PIVOT source ON a USING sum(b))",
        "SELECT 'it\\'s' FROM source",
        "SELECT 1 /* a /* b */ */ FROM source",
        "SELECT $$x$$ FROM source",
        "SELECT x FROM source, unnest([1]) AS u(x)",
    ];

    [SkippableFact]
    public void The_scripts_sql_rules_equal_the_rules_file_the_CSharp_guard_reads()
    {
        var python = FindPython();
        Skip.If(python is null, "python3 is not installed, so the script's rules cannot be read");
        using var stream = typeof(SqlGuardRules).Assembly.GetManifestResourceStream(SqlGuardRules.ResourceName)!;
        using var file = JsonDocument.Parse(stream);
        var expected = file.RootElement.EnumerateObject().Where(p => p.Name != "comment")
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()).ToList());

        var output = RunPython(python!, "import json, feature_job as f; print(json.dumps(f.FEATURE_SQL_RULES))");
        var actual = JsonSerializer.Deserialize<Dictionary<string, List<string?>>>(output)!;

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, words) in expected) Assert.Equal(words, actual[name]);
    }

    [SkippableFact]
    public void The_script_refuses_the_same_feature_sql_at_the_same_position_as_the_CSharp_guard()
    {
        var python = FindPython();
        Skip.If(python is null, "python3 is not installed, so the script's check cannot be exercised");
        var code = "import json, sys, feature_job as f\nfor sql in json.loads(sys.argv[1] if len(sys.argv) > 1 else " + JsonSerializer.Serialize(JsonSerializer.Serialize(GuardCases)) + "):\n"
            + "    try:\n        f.check_feature_sql(sql); print('ok')\n    except f.SqlRefused as e: print(f'{e.line}:{e.column}')\n";

        var pythonResults = RunPython(python!, code).Trim().Split('\n');

        var csharp = GuardCases.Select(sql => FeatureSqlGuard.Check(sql, FeatureSqlGuard.FeatureJobViews) is { } v ? $"{v.Line}:{v.Column}" : "ok");
        Assert.Equal(csharp, pythonResults);
    }
}
