using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TrainingOrchestration.LocalRuntime.DynamoDb;

/// <summary>Serializer options that read and write the DynamoDB API's JSON with the SDK's request and response types.</summary>
public static class DynamoDbJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new AttributeValueJsonConverter());
        options.Converters.Add(new ConstantClassJsonConverterFactory());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Maps an item (or key) in API JSON to the SDK's dictionary.</summary>
    public static Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> ToItem(JsonNode item) =>
        item.Deserialize<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>(Options)!;

    public static JsonObject FromItem(Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> item) =>
        JsonSerializer.SerializeToNode(item, Options)!.AsObject();
}
