using System.Text;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>
/// The merge over real records published by AWS and Debezium (../shared/fixtures/events, read in place), landed as the
/// ingress lands them: one stream record, or one Kafka record wrapping a Debezium message, per line.
/// </summary>
public sealed class SharedFixtureMergeTests
{
    private const string Batch = "changes/2026/11/23/10/batch.jsonl";

    [SkippableFact]
    public void The_AWS_devguide_stream_records_insert_modify_then_remove_item_101()
    {
        Skip.IfNot(SharedFolder.HasEventFixtures, $"shared fixtures not found at {SharedFolder.EventFixtures}");
        var records = StreamRecords("dynamodb-stream.insert-modify-remove.aws-lambda-devguide.json");
        using var ws = Messages();
        ws.LandLines(Batch, records[..2]);
        ws.Run("r1");
        ws.LandLines("changes/2026/11/23/11/batch.jsonl", records[2]);

        var second = ws.Run("r2");

        Assert.Equal(["101,1,21"], ws.Rows("r1")); // "This item has changed"
        Assert.Empty(ws.Rows("r2"));
        Assert.Equal(1, second.Changes.Deleted);
    }

    [SkippableFact]
    public void The_powertools_records_with_a_float_creation_time_merge_by_sequence_number()
    {
        Skip.IfNot(SharedFolder.HasEventFixtures, $"shared fixtures not found at {SharedFolder.EventFixtures}");
        var records = StreamRecords("dynamodb-stream.insert-modify.powertools-python.json");
        using var ws = Messages();
        ws.LandLines(Batch, records[1], records[0]); // arrival order reversed: the MODIFY (222) still wins over the INSERT (111)

        ws.Run("r1");

        Assert.Equal(["101,1,21"], ws.Rows("r1"));
    }

    [SkippableFact]
    public void The_aws_lambda_dotnet_record_keeps_map_list_and_set_attributes_as_JSON_text()
    {
        Skip.IfNot(SharedFolder.HasEventFixtures, $"shared fixtures not found at {SharedFolder.EventFixtures}");
        var records = StreamRecords("dynamodb-stream.insert-remove.aws-lambda-dotnet.json");
        using var ws = new ChangeWorkspace("dynamodb-stream", "key:string,val:string,misc1:json,misc2:json", key: "key", label: "label",
            featureSql: "SELECT key, 1 AS label, CASE WHEN misc1 = '[]' THEN 1 ELSE 0 END AS misc1_empty, " +
                        "CASE WHEN misc2 LIKE '%Hippo%' AND misc2 LIKE '%ItemNull%' THEN 1 ELSE 0 END AS misc2_kept FROM source");
        ws.LandLines(Batch, records[0]);

        ws.Run("r1");

        Assert.Equal(["binary,1,1,1"], ws.Rows("r1"));
    }

    [SkippableFact]
    public void The_Debezium_PostgreSQL_create_update_delete_payloads_end_with_customer_1_deleted()
    {
        Skip.IfNot(SharedFolder.HasEventFixtures, $"shared fixtures not found at {SharedFolder.EventFixtures}");
        string Payload(string op) => JsonNode.Parse(File.ReadAllText(SharedFolder.EventFixture($"debezium.postgresql.{op}.payload.docs.json")))!.ToJsonString();
        using var ws = new ChangeWorkspace("debezium", "id:integer,first_name:string,last_name:string,email:string", label: "label",
            featureSql: "SELECT id, 1 AS label, length(first_name) AS first_name_length FROM source");
        ws.LandLines(Batch, Kafka(Payload("create")), Kafka(Payload("update")));
        ws.Run("r1");
        ws.LandLines("changes/2026/11/23/11/batch.jsonl", Kafka(Payload("delete")));

        ws.Run("r2");

        Assert.Equal(["1,1,10"], ws.Rows("r1")); // "Anne Marie": the update shares the create's LSN and comes later
        Assert.Empty(ws.Rows("r2"));
    }

    [SkippableFact]
    public void The_DMS_user_guide_CDC_file_inserts_updates_then_deletes_employee_101()
    {
        Skip.IfNot(SharedFolder.HasEventFixtures, $"shared fixtures not found at {SharedFolder.EventFixtures}");
        var lines = File.ReadAllLines(SharedFolder.EventFixture("dms-s3-cdc.employee.awsdocs.csv")).Where(l => l.Length > 0).ToArray();
        using var ws = new ChangeWorkspace("s3-files", "id:integer,last_name:string,first_name:string,hire_date:string,city:string", label: "label",
            featureSql: "SELECT id, 1 AS label, CASE WHEN city = 'Dallas' THEN 1 ELSE 0 END AS in_dallas FROM source");
        ws.LandLines("20141029-1134010000.csv", lines[..3]);
        ws.Run("r1");
        ws.LandLines("20141029-1135010000.csv", lines[3..]);

        ws.Run("r2");

        Assert.Equal(["101,1,1"], ws.Rows("r1"));
        Assert.Empty(ws.Rows("r2"));
    }

    private static ChangeWorkspace Messages() =>
        new("dynamodb-stream", "Id:integer,Message:string", key: "Id", label: "label",
            featureSql: "SELECT Id, 1 AS label, length(Message) AS message_length FROM source");

    /// <summary>The Records of a Lambda-shaped fixture, one compact JSON record per line (the shape a Pipe hands on).</summary>
    private static string[] StreamRecords(string fixture)
    {
        var text = File.ReadAllText(SharedFolder.EventFixture(fixture), Encoding.UTF8); // strips the BOM one fixture has
        return JsonNode.Parse(text)!["Records"]!.AsArray().Select(r => r!.ToJsonString()).ToArray();
    }

    private static string Kafka(string message) => DebeziumRecords.Kafka("1", JsonNode.Parse(message)!.AsObject());
}
