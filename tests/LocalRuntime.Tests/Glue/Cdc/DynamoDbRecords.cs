using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue.Cdc;

/// <summary>
/// Builds DynamoDB Streams records for the <c>accounts</c> table as a Pipe delivers them (NEW_AND_OLD_IMAGES): id (S),
/// name (S), score (N), active (BOOL). One JSON object per line, as the ingress lands them.
/// </summary>
public static class DynamoDbRecords
{
    public static string Insert(string id, long sequence, string name, double score, bool active) =>
        Record("INSERT", id, sequence, Image(id, name, score, active));

    public static string Modify(string id, long sequence, string name, double score, bool active) =>
        Record("MODIFY", id, sequence, Image(id, name, score, active));

    public static string Remove(string id, long sequence) => Record("REMOVE", id, sequence, null);

    /// <summary>A line of a DynamoDB export to S3 (DYNAMODB_JSON): the bulk path's item.</summary>
    public static string Export(string id, string name, double score, bool active) =>
        new JsonObject { ["Item"] = Image(id, name, score, active) }.ToJsonString();

    public static JsonObject Image(string id, string name, double score, bool active) => new()
    {
        ["id"] = new JsonObject { ["S"] = id },
        ["name"] = new JsonObject { ["S"] = name },
        ["score"] = new JsonObject { ["N"] = score.ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
        ["active"] = new JsonObject { ["BOOL"] = active },
    };

    public static string Record(string eventName, string id, long sequence, JsonObject? newImage)
    {
        var dynamodb = new JsonObject
        {
            ["ApproximateCreationDateTime"] = 1795428000,
            ["Keys"] = new JsonObject { ["id"] = new JsonObject { ["S"] = id } },
            ["SequenceNumber"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) + "00000000017450439091",
            ["SizeBytes"] = 64,
            ["StreamViewType"] = "NEW_AND_OLD_IMAGES",
        };
        if (newImage is not null) dynamodb["NewImage"] = newImage;
        return new JsonObject
        {
            ["eventID"] = $"{id}-{sequence}",
            ["eventName"] = eventName,
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "eu-west-2",
            ["dynamodb"] = dynamodb,
            ["eventSourceARN"] = "arn:aws:dynamodb:eu-west-2:123456789012:table/accounts/stream/2026-11-01T00:00:00.000",
        }.ToJsonString();
    }
}
