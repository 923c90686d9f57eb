using System.Text;
using System.Text.Json;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Pipelines.Tests.Glue;

/// <summary>The Glue script refuses the same raw CSV files as the local feature job, with the same words and lines.</summary>
public sealed partial class GlueScriptTests
{
    private static readonly (string Text, char Delimiter, char Quote, bool Header)[] CsvCases =
    [
        ("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n", ',', '"', true),
        ("", ',', '"', true),
        ("\n\r\n", ',', '"', false),
        ("id,note,id\n1,x,1\n", ',', '"', true),
        ("id,note\n1,\"two\nlines\"\n2,\"never closed\n3,x\n", ',', '"', true),
        ("id,note\n1,\"x\"y\n", ',', '"', true),
        ("id;note\n1;'a; b'\n2;'it''s'\n", ';', '\'', true),
        ("id;note\n1;\"a\n", ';', '\'', true),
        ("\uFEFFid\tnote\tid\n", '\t', '"', true),
        ("id,note\r\n1,\"x\"\r\n", ',', '"', true),
    ];

    [SkippableFact]
    public void The_script_finds_the_same_problem_in_a_raw_csv_file_as_the_local_feature_job()
    {
        var python = FindPython();
        Skip.If(python is null, "python3 is not installed, so the script's check cannot be exercised");
        var cases = JsonSerializer.Serialize(CsvCases.Select(c => new object[] { c.Text, c.Delimiter.ToString(), c.Quote.ToString(), c.Header }));
        var code = "import json, feature_job as f\nfor text, d, q, h in json.loads(" + JsonSerializer.Serialize(cases) + "):\n"
            + "    print(json.dumps(f.check_csv_lines(text.splitlines(keepends=True), d, q, header=h)))\n";

        var pythonResults = RunPython(python!, code).Trim().Split('\n').Select(line => JsonSerializer.Deserialize<string?>(line));

        var csharp = CsvCases.Select(c => CsvFileCheck.Problem(new MemoryStream(Encoding.UTF8.GetBytes(c.Text)), new CsvDialect(c.Delimiter, c.Quote), c.Header));
        Assert.Equal(csharp, pythonResults);
        Assert.Equal(6, csharp.Count(p => p is not null));
    }
}
