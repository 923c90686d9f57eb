using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.Model;

namespace TrainingOrchestration.LocalRuntime.DynamoDb;

/// <summary>
/// DynamoDB's JSON attribute values (<c>{"S":"x"}</c>, <c>{"N":"1"}</c>, <c>{"M":{...}}</c>, <c>{"B":"base64"}</c>...)
/// to and from the SDK's <see cref="AttributeValue"/>, so a Task's Parameters become an SDK request unchanged.
/// </summary>
public sealed class AttributeValueJsonConverter : JsonConverter<AttributeValue>
{
    public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("An attribute value must be an object like {\"S\": \"text\"}.");
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("An attribute value must name its type (S, N, B, SS, NS, BS, M, L, NULL, BOOL).");
        var type = reader.GetString()!;
        reader.Read();
        var value = new AttributeValue();
        switch (type)
        {
            case "S": value.S = reader.GetString(); break;
            case "N": value.N = reader.TokenType == JsonTokenType.Number ? reader.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetString(); break;
            case "B": value.B = new MemoryStream(reader.GetBytesFromBase64()); break;
            case "SS": value.SS = JsonSerializer.Deserialize<List<string>>(ref reader, options); break;
            case "NS": value.NS = JsonSerializer.Deserialize<List<string>>(ref reader, options); break;
            case "BS": value.BS = JsonSerializer.Deserialize<List<string>>(ref reader, options)!.Select(b => new MemoryStream(Convert.FromBase64String(b))).ToList(); break;
            case "M": value.M = JsonSerializer.Deserialize<Dictionary<string, AttributeValue>>(ref reader, options); break;
            case "L": value.L = JsonSerializer.Deserialize<List<AttributeValue>>(ref reader, options); break;
            case "NULL": value.NULL = reader.GetBoolean(); break;
            case "BOOL": value.BOOL = reader.GetBoolean(); break;
            default: throw new JsonException($"Unknown attribute value type '{type}'; expected S, N, B, SS, NS, BS, M, L, NULL or BOOL.");
        }
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("An attribute value must have exactly one type key.");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, AttributeValue value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.S is not null) writer.WriteString("S", value.S);
        else if (value.N is not null) writer.WriteString("N", value.N);
        else if (value.B is not null) writer.WriteBase64String("B", value.B.ToArray());
        else if (value.SS is { Count: > 0 }) { writer.WritePropertyName("SS"); JsonSerializer.Serialize(writer, value.SS, options); }
        else if (value.NS is { Count: > 0 }) { writer.WritePropertyName("NS"); JsonSerializer.Serialize(writer, value.NS, options); }
        else if (value.BS is { Count: > 0 }) { writer.WritePropertyName("BS"); JsonSerializer.Serialize(writer, value.BS.Select(b => Convert.ToBase64String(b.ToArray())), options); }
        else if (value.M is not null) { writer.WritePropertyName("M"); JsonSerializer.Serialize(writer, value.M, options); }
        else if (value.L is not null) { writer.WritePropertyName("L"); JsonSerializer.Serialize(writer, value.L, options); }
        else if (value.BOOL is not null) writer.WriteBoolean("BOOL", value.BOOL.Value);
        else writer.WriteBoolean("NULL", true);
        writer.WriteEndObject();
    }
}
