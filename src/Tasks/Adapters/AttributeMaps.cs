using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace TrainingOrchestration.Tasks.Adapters;

/// <summary>
/// Metric maps in DynamoDB. The Lambdas write <c>metrics</c> as a map of numbers; the state machine may write the
/// champion's metrics either as such a map or as a JSON string (States.JsonToString), so both are read.
/// </summary>
internal static class AttributeMaps
{
    public static AttributeValue WriteMetrics(IReadOnlyDictionary<string, double> metrics) => new()
    {
        M = metrics.ToDictionary(
            pair => pair.Key,
            pair => new AttributeValue { N = pair.Value.ToString("R", CultureInfo.InvariantCulture) }),
    };

    public static IReadOnlyDictionary<string, double> ReadMetrics(AttributeValue? value)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (value?.M is { Count: > 0 } map)
        {
            foreach (var (name, attribute) in map)
            {
                if (TryNumber(attribute.N ?? attribute.S, out var number)) result[name] = number;
            }
        }
        else if (value?.S is { Length: > 0 } json)
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number) result[property.Name] = property.Value.GetDouble();
                else if (property.Value.ValueKind == JsonValueKind.String && TryNumber(property.Value.GetString(), out var number)) result[property.Name] = number;
            }
        }
        return result;
    }

    private static bool TryNumber(string? text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
