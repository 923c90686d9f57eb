using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TrainingOrchestration.Pipelines.Tests.Glue;

/// <summary>
/// The Glue script cannot run here (no PySpark), so these tests hold it to WORKFLOW.md: the arguments the workflow
/// passes are exactly the ones it resolves, the Glue features the design relies on are used, and its pure helpers
/// behave (run with python3 when present).
/// </summary>
public sealed partial class GlueScriptTests
{
    private static readonly string Script = File.ReadAllText(RepositoryPaths.GlueScript);

    [Fact]
    public void Every_argument_the_workflow_passes_is_resolved_by_the_script_and_no_other()
    {
        var passed = WorkflowArguments().Where(a => a != "job-bookmark-option").ToList();

        var resolved = ResolvedArguments();

        Assert.Equal(["pipeline", "run_id", "bucket", "sql_s3_uri", "source_table", "entity_key", "label", "split"], passed);
        Assert.Equal(["JOB_NAME", .. passed], resolved);
        Assert.Contains("getResolvedOptions(argv, REQUIRED_ARGUMENTS)", Script);
    }

    [Fact]
    public void The_training_workflow_passes_exactly_the_arguments_WORKFLOW_md_lists()
    {
        var workflowCode = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "StateMachine", "Steps", "BuildFeatures.cs"));

        var passedByCdk = CdkArgument().Matches(workflowCode).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(WorkflowArguments(), passedByCdk);
    }

    [Fact]
    public void The_optional_catalog_arguments_are_the_ones_the_stack_sets_as_default_arguments()
    {
        var featureJob = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "Features", "FeatureJob.cs"));

        foreach (var argument in new[] { "database", "catalog_table" })
        {
            Assert.Contains($"\"{argument}\"", Script);
            Assert.Contains($"[\"--{argument}\"]", featureJob);
        }
    }

    [Fact]
    public void Every_argument_is_documented_in_the_script_header()
    {
        foreach (var argument in WorkflowArguments())
        {
            Assert.Matches(new Regex($@"^\s+--{Regex.Escape(argument)}\s", RegexOptions.Multiline), Script);
        }
    }

    [Fact]
    public void Raw_files_are_read_through_a_bookmarked_dynamic_frame_and_committed_at_the_end()
    {
        Assert.Matches(@"create_dynamic_frame\.from_options\((?s:.)*?transformation_ctx=""raw_source""", Script);
        Assert.Contains("job.init(args[\"JOB_NAME\"], args)", Script);
        Assert.EndsWith("job.commit()", Script[..Script.IndexOf("\n\n\nif __name__", StringComparison.Ordinal)].TrimEnd());
    }

    [Fact]
    public void The_catalog_is_updated_through_a_partitioned_sink()
    {
        Assert.Matches(@"getSink\((?s:.)*?enableUpdateCatalog=True,(?s:.)*?partitionKeys=\[""run""\]", Script);
        Assert.Contains("sink.setCatalogInfo(", Script);
        Assert.Contains("sink.writeFrame(frame)", Script);
    }

    [Fact]
    public void The_split_hashes_the_entity_key_as_WORKFLOW_md_specifies()
    {
        var workflow = File.ReadAllText(RepositoryPaths.Workflow);

        Assert.Contains("conv(substr(md5(k),1,8),16,10)", workflow);
        Assert.Contains("conv(substr(md5(CAST({quote(entity_key)} AS STRING)), 1, 8), 16, 10) AS DOUBLE) / 4294967296.0", Script);
    }

    [Fact]
    public void Outputs_are_written_in_parallel_as_key_range_parts_and_channels_have_no_header()
    {
        Assert.DoesNotContain("coalesce(1)", Script);
        Assert.Contains("frame.repartitionByRange(parts, F.col(quote(key))).sortWithinPartitions(F.col(quote(key)))", Script);
        Assert.Contains("mapreduce.fileoutputcommitter.marksuccessfuljobs\", \"false\"", Script);
        Assert.Contains(".write.mode(\"overwrite\").option(\"header\", True).option(\"sep\", dialect[0])", Script);
        Assert.Contains(".option(\"quote\", dialect[1]).option(\"escape\", dialect[1]).csv(f\"s3://{bucket}/{prefix}table/\"))", Script);
        Assert.Contains(".write.mode(\"overwrite\").option(\"header\", False).csv(f\"s3://{bucket}/{prefix}{channel}/\")", Script);
        Assert.Contains("prefix + \"manifest.json\"", Script);
    }

    [SkippableFact]
    public void Pure_helpers_parse_arguments_and_name_things_as_documented()
    {
        var python = FindPython();
        Skip.If(python is null, "python3 is not installed, so the script's helpers cannot be exercised");

        var output = RunPython(python!, """
            import feature_job as f
            assert f.parse_split("0.7,0.2,0.1") == (0.7, 0.2, 0.1)
            for bad in ["0.7,0.2", "0.7,0.2,0.2", "1,0,0", "a,b,c"]:
                try:
                    f.parse_split(bad)
                    raise SystemExit("accepted " + bad)
                except f.FeatureJobError:
                    pass
            assert f.catalog_table_name("mlc-churn") == "mlc_churn_features"
            assert f.default_catalog_database("mlc-churn") == "training_orchestration_mlc_churn"
            assert f.parse_s3_uri("s3://b/assets/features.sql") == ("b", "assets/features.sql")
            assert f.feature_sql_body("SELECT 1 FROM source;\n") == "SELECT 1 FROM source"
            from datetime import datetime, timezone
            assert f.watermark([datetime(2026, 11, 23, 10, 0, 0, 123456, tzinfo=timezone.utc)]) == "2026-11-23T10:00:00.123Z"
            assert f.watermark([]) is None
            print("ok")
            """);

        Assert.Equal("ok", output.Trim());
    }

    private static List<string> WorkflowArguments()
    {
        var step = File.ReadAllLines(RepositoryPaths.Workflow)
            .SkipWhile(l => !l.Contains("`BuildFeatures`", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("4. ", StringComparison.Ordinal));
        return ArgumentName().Matches(string.Join("\n", step)).Select(m => m.Groups[1].Value).Distinct().ToList();
    }

    private static List<string> ResolvedArguments()
    {
        var list = RequiredArguments().Match(Script);
        Assert.True(list.Success, "REQUIRED_ARGUMENTS = [...] not found in feature_job.py");
        return QuotedName().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
    }

    private static string? FindPython() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "python3"))
            .FirstOrDefault(File.Exists);

    private static string RunPython(string python, string code)
    {
        var start = new ProcessStartInfo(python, ["-B", "-c", code])
        {
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.GlueScript)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python failed: {stderr}");
        return stdout;
    }

    [GeneratedRegex(@"`--([a-z0-9_\-]+)[` ]")]
    private static partial Regex ArgumentName();

    [GeneratedRegex(@"\[""--([a-z0-9_\-]+)""\] =")]
    private static partial Regex CdkArgument();

    [GeneratedRegex(@"REQUIRED_ARGUMENTS = \[(.*?)\]", RegexOptions.Singleline)]
    private static partial Regex RequiredArguments();

    [GeneratedRegex(@"""([A-Za-z0-9_]+)""")]
    private static partial Regex QuotedName();
}
