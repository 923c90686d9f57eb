using System.Text;

namespace TrainingOrchestration.Cli.Tests.BadInput;

/// <summary>The bad inputs, by family: pipeline spec, contract, feature SQL, sample data, sample events, command arguments.</summary>
public static class BadInputCases
{
    public static readonly BadInputCase[] All =
    [
        // spec
        Spec("YAML syntax error", f => Write(f, "pipeline.yaml", "name: churn\ntier: [critical\n"), "(syntax)"),
        Spec("tab indentation", f => Replace(f, "pipeline.yaml", "  table: customers", "\ttable: customers"), "(syntax)"),
        Spec("nesting 100,000 levels deep", f => Write(f, "pipeline.yaml", "name: " + new string('[', 100_000) + new string(']', 100_000)), "levels deep"),
        Spec("not UTF-8", f => WriteBytes(f, "pipeline.yaml", [.. "name: churn\n# caf"u8, 0xE9, (byte)'\n']), "(encoding)"),
        Spec("empty file", f => Write(f, "pipeline.yaml", ""), "(document)"),
        Spec("a list instead of a mapping", f => Write(f, "pipeline.yaml", "- name: churn\n"), "(document)"),
        Spec("misspelt key", f => Replace(f, "pipeline.yaml", "minChanges:", "minChange:"), "cadence.minChange"),
        Spec("count that overflows", f => Replace(f, "pipeline.yaml", "minChanges: 500", "minChanges: 99999999999999999999"), "cadence.minChanges"),
        Spec("duration that overflows", f => Replace(f, "pipeline.yaml", "minInterval: 6h", "minInterval: 99999999999999999999d"), "cadence.minInterval"),
        Spec("maxRuntime over 28 days", f => Replace(f, "pipeline.yaml", "maxRuntime: 1h", "maxRuntime: 30d"), "training.maxRuntime"),
        Spec("split that does not sum to 1", f => Replace(f, "pipeline.yaml", "test: 0.1", "test: 0.2"), "features.split.train"),
        Spec("hyperparameter out of range", f => Replace(f, "pipeline.yaml", "max_depth: 4", "max_depth: -1"), "training.hyperparameters.max_depth"),
        Spec("unknown XGBoost version", f => Replace(f, "pipeline.yaml", "\"1.7-1\"", "\"9.9-9\""), "training.xgboostVersion"),
        Spec("bad cron", f => Replace(f, "pipeline.yaml", "cron(0 * * * ? *)", "cron(0 * * * * *)"), "cadence.schedule"),
        Spec("name not matching the folder", f => Replace(f, "pipeline.yaml", "name: churn", "name: other"), "name"),
        Spec("SQL path with ..", f => Replace(f, "pipeline.yaml", "sql: features.sql", "sql: ../../../etc/passwd"), "features.sql"),
        Spec("absolute SQL path", f => Replace(f, "pipeline.yaml", "sql: features.sql", "sql: /etc/passwd"), "features.sql"),
        Spec("SQL path that is a folder", f => Replace(f, "pipeline.yaml", "sql: features.sql", "sql: sample"), "features.sql"),
        Spec("SQL file that is a link out", f => { File.Delete(Path.Combine(f, "features.sql")); File.CreateSymbolicLink(Path.Combine(f, "features.sql"), "/etc/hostname"); }, "symbolic link"),
        Spec("missing contract file", f => File.Delete(Path.Combine(f, "contract.yaml")), "contract"),
        Spec("contract path outside", f => Replace(f, "pipeline.yaml", "contract: contract.yaml", "contract: ../contract.yaml"), "contract"),
        Spec("event source reserved by AWS", f => Replace(f, "pipeline.yaml", "eventSource: training-orchestration.cdc", "eventSource: aws.dynamodb"), "source.cdc.eventSource"),
        Spec("detail type over 128 characters", f => Replace(f, "pipeline.yaml", "detailType: Table Change", "detailType: " + new string('x', 200)), "source.cdc.detailType"),
        // contract
        Contract("YAML syntax error", f => Write(f, "contract.yaml", "columns: [\n"), "not valid YAML"),
        Contract("nesting 100,000 levels deep", f => Write(f, "contract.yaml", "x: " + new string('[', 100_000) + new string(']', 100_000)), "levels deep"),
        Contract("not UTF-8", f => WriteBytes(f, "contract.yaml", [.. Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(f, "contract.yaml"))), 0xFF]), "UTF-8", "pipeline.yaml"),
        Contract("unknown check", f => Replace(f, "contract.yaml", "check: not_null", "check: not_nul"), "not_nul"),
        Contract("a list instead of a mapping", f => Write(f, "contract.yaml", "- a\n- b\n"), "mapping"),
        Contract("CSV delimiter no reader takes", f => Replace(f, "contract.yaml", "csv: { delimiter: \",\"", "csv: { delimiter: \":\""), "csv 'delimiter' must be one of"),
        Contract("column the SQL does not produce", f => Replace(f, "contract.yaml", "- { name: female, type: integer }", "- { name: female, type: integer }\n  - { name: no_such_column, type: integer }"), "no_such_column"),
        // feature SQL
        Sql("second statement", f => Append(f, "features.sql", ";\nCOPY source TO '/tmp/escaped.csv'"), "second statement"),
        Sql("COPY instead of SELECT", f => Write(f, "features.sql", "COPY (SELECT 1) TO '/tmp/escaped.csv'"), "starts with 'COPY'"),
        Sql("ATTACH", f => Write(f, "features.sql", "ATTACH '/tmp/x.db' AS x"), "starts with 'ATTACH'"),
        Sql("read_csv of a system file", f => Write(f, "features.sql", "SELECT customer_id, 1 AS churn\nFROM read_csv('/etc/passwd')"), "features.sql:2:6"),
        Sql("getenv", f => Write(f, "features.sql", "SELECT customer_id, getenv('HOME') AS churn FROM source"), "getenv()"),
        Sql("a file named in FROM", f => Write(f, "features.sql", "SELECT customer_id, 1 AS churn FROM '/etc/hostname'"), "names a file"),
        Sql("another table", f => Write(f, "features.sql", "SELECT customer_id, 1 AS churn FROM customers_backup"), "not a view the job defines"),
        Sql("unknown column (DuckDB binder error)", f => Write(f, "features.sql", "SELECT customer_id,\n  no_such AS churn FROM source"), "features.sql:2:"),
        Sql("syntax error", f => Write(f, "features.sql", "SELECT customer_id, FROM FROM source"), "features.sql:1:"),
        Sql("empty", f => Write(f, "features.sql", "-- nothing yet\n"), "empty"),
        Sql("unclosed string", f => Write(f, "features.sql", "SELECT 'open FROM source"), "never closed"),
        Sql("a label value it does not know mapped to 0", f => Replace(f, "features.sql", "WHEN LOWER(CAST(churn AS STRING)) IN ('no', 'false') THEN 0 END AS churn", "ELSE 0 END AS churn"), "would train silently as 0"),
        Sql("not UTF-8", f => WriteBytes(f, "features.sql", [.. "SELECT 'caf"u8, 0xE9, .. "' AS churn FROM source"u8]), "not valid UTF-8"),
        // sample data
        Data("empty sample", f => Write(f, "sample/customers.csv", ""), "empty", "pipeline.yaml"),
        Data("sample without the entity key", f => Write(f, "sample/customers.csv", "id,churn\n1,Yes\n"), "customer_id", "pipeline.yaml"),
        Data("sample path is a folder", f => { File.Delete(Path.Combine(f, "sample/customers.csv")); Directory.CreateDirectory(Path.Combine(f, "sample/customers.csv")); }, "is a folder", "pipeline.yaml"),
        Data("unbalanced quote in the sample", f => Replace(f, "sample/customers.csv", "\nC000003,", "\n\"C000003,"), "line 4: the \" opened on this line is never closed", "customers.csv"),
        Data("column named twice in the sample's header", f => Replace(f, "sample/customers.csv", "customer_id,churn,female,", "customer_id,churn,churn,"), "names column 'churn' 2 times (columns 2 and 3)", "customers.csv"),
        Data("label value outside the classes", f => Replace(f, "sample/customers.csv", "C000002,No,", "C000002,Maybe,"), "customer_id 'C000002' (source churn 'Maybe')", "pipeline.yaml"),
        Data("--data is a folder", _ => { }, "is a folder", "--data", ["--data", "/tmp"]),
        Data("--data does not exist", _ => { }, "file not found", "--data", ["--data", "/no/such/file.csv"]),
        // sample events
        Event("JSON syntax error", f => Write(f, "sample/event.json", "{ \"detail\": "), "(json)"),
        Event("JSON nested 100,000 levels deep", f => Write(f, "sample/event.json", new string('[', 100_000) + new string(']', 100_000)), "depth"),
        Event("empty file", f => Write(f, "sample/event.json", ""), "(json)"),
        Event("event of another table", f => Replace(f, "sample/event.json", "\"table\": \"customers\"", "\"table\": \"subscribers\""), "detail.table"),
        Event("event over 256 KB", f => Replace(f, "sample/event.json", "\"table\": \"customers\"", "\"table\": \"customers\", \"padding\": \"" + new string('x', 270_000) + "\""), "over EventBridge's limit of 262,144 (256 KB"),
        Event("run --event over 256 KB", f => Write(f, "big-event.json", "{\"source\":\"training-orchestration.cdc\",\"detail-type\":\"Table Change\",\"detail\":{\"x\":\"" + new string('x', 270_000) + "\"}}"),
            "PutEvents refuses it (ValidationException", "big-event.json", ["--event", "{folder}/big-event.json"]) with { Command = "run" },
        Event("run --event that matches no rule", f => Write(f, "other-event.json", File.ReadAllText(Path.Combine(f, "sample/event.json")).Replace("\"table\": \"customers\"", "\"table\": \"subscribers\"")),
            "detail.table: expected \"customers\", found \"subscribers\"", "other-event.json", ["--event", "{folder}/other-event.json"]) with { Command = "run" },
        Event("event of another source", f => Replace(f, "sample/event.json", "\"source\": \"training-orchestration.cdc\"", "\"source\": \"someone.else\""), "source"),
        // mock configs and concurrency (run)
        Mock("--test-case missing from the MockConfigFile", f => Write(f, "mock.json", "{\"StateMachines\":{\"churn-training\":{\"TestCases\":{\"GlueFails\":{}}}},\"MockedResponses\":{}}"),
            "no test case 'Missing' (--test-case); the file defines: GlueFails", ["--mock-config", "{folder}/mock.json", "--test-case", "Missing"]),
        Mock("MockConfigFile that is not JSON", f => Write(f, "mock.json", "{ \"StateMachines\": "), "is not valid JSON", ["--mock-config", "{folder}/mock.json", "--test-case", "Any"]),
        Mock("MockConfigFile naming an undefined range", f => Write(f, "mock.json", "{\"MockedResponses\":{\"R\":{\"x\":{\"Return\":{}}}}}"), "MockedResponses.R", ["--mock-config", "{folder}/mock.json", "--test-case", "Any"]),
        new("concurrency", "a second run on a workspace in use", _ => { }, WorkspaceName, "workspace in use") { Command = "run", HoldWorkspace = true },
    ];

    /// <summary>The folder name of a run case's workspace (next to the pipelines copy).</summary>
    public const string WorkspaceName = "bad-input-workspace";

    public static TheoryData<string> Names() => new(All.Select(c => c.ToString()));

    public static BadInputCase Named(string name) => All.Single(c => c.ToString() == name);

    private static BadInputCase Spec(string name, Action<string> act, string names) => new("spec", name, act, "pipeline.yaml", names);
    private static BadInputCase Contract(string name, Action<string> act, string names, string file = "contract.yaml") => new("contract", name, act, file, names);
    private static BadInputCase Sql(string name, Action<string> act, string names) => new("sql", name, act, "features.sql", names);
    private static BadInputCase Data(string name, Action<string> act, string names, string file, string[]? arguments = null) => new("data", name, act, file, names, arguments);
    private static BadInputCase Event(string name, Action<string> act, string names, string file = "event.json", string[]? arguments = null) =>
        new("events", name, act, file, names, arguments);
    private static BadInputCase Mock(string name, Action<string> act, string names, string[] arguments) => new("mocks", name, act, "mock.json", names, arguments) { Command = "run" };

    private static void Write(string folder, string file, string text) => File.WriteAllText(Path.Combine(folder, file), text);

    private static void WriteBytes(string folder, string file, byte[] bytes) => File.WriteAllBytes(Path.Combine(folder, file), bytes);

    private static void Append(string folder, string file, string text) => File.AppendAllText(Path.Combine(folder, file), text);

    private static void Replace(string folder, string file, string find, string replace)
    {
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        if (!text.Contains(find, StringComparison.Ordinal)) throw new InvalidOperationException($"{file} has no '{find}' to break");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
