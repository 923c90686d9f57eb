using System.Diagnostics;
using System.Text.Json;
using TrainingOrchestration.LocalRuntime.Glue;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>
/// The Glue script and the DuckDB stand-in turn the same SQL files into the same statements (feature_job.py's
/// <c>sql_statements</c> against <see cref="ChangeMergeSql.Statements"/>), so Spark runs exactly what the tests run here.
/// </summary>
public sealed class MergeSqlParityTests
{
    public static TheoryData<string> Assets => new()
    {
        "normalize_dynamodb_stream.sql", "normalize_debezium.sql", "normalize_dms.sql", "normalize_snapshot.sql",
        "snapshot_empty.sql", "merge.sql", "source.sql",
    };

    [SkippableTheory]
    [MemberData(nameof(Assets))]
    public void The_Glue_script_expands_each_asset_into_the_statements_the_local_runtime_runs(string asset)
    {
        var python = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);
        Skip.If(python is null, "python3 is not installed, so the Glue script's expander cannot be run");
        var glue = Path.Combine(RepoPaths.Root, "infra", "Features");
        var columns = new[] { new SourceColumn("id", SourceColumnType.String), new SourceColumn("score", SourceColumnType.Number), new SourceColumn("active", SourceColumnType.Boolean) };

        var expected = ChangeMergeSql.Statements(asset, "id", columns);
        var start = new ProcessStartInfo(python!, ["-B", "-c",
            $"import json, feature_job as f\ncols = f.parse_columns('id:string,score:number,active:boolean')\n" +
            $"print(json.dumps(f.sql_statements(open('cdc/{asset}', encoding='utf-8').read(), 'id', cols)))"])
        {
            WorkingDirectory = glue, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, JsonSerializer.Deserialize<List<string>>(stdout)!);
    }
}
