namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// The text forms the feature job receives as arguments: <c>--source_columns</c> (<c>name:type,name:type</c>, source
/// order) and <c>--cdc_kind</c> (<c>dynamodb-stream</c>, <c>debezium</c>, <c>s3-files</c>). Written by the stack,
/// read by the Glue script and by the local Glue stand-in, so the three agree on one spelling.
/// </summary>
public static class SourceColumnsText
{
    public static readonly IReadOnlyDictionary<string, CdcKind> KindNames = new Dictionary<string, CdcKind>
    {
        ["dynamodb-stream"] = CdcKind.DynamoDbStream,
        ["debezium"] = CdcKind.Debezium,
        ["s3-files"] = CdcKind.S3Files,
    };

    private static readonly IReadOnlyDictionary<string, SourceColumnType> TypeNames = new Dictionary<string, SourceColumnType>
    {
        ["string"] = SourceColumnType.String,
        ["integer"] = SourceColumnType.Integer,
        ["number"] = SourceColumnType.Number,
        ["boolean"] = SourceColumnType.Boolean,
        ["json"] = SourceColumnType.Json,
    };

    public static string KindName(CdcKind kind) => KindNames.First(k => k.Value == kind).Key;

    public static string Format(IEnumerable<SourceColumn> columns) => string.Join(",", columns.Select(c => $"{c.Name}:{c.TypeName}"));

    /// <summary>Parses <c>name:type,...</c>; throws <see cref="FormatException"/> naming the bad entry.</summary>
    public static IReadOnlyList<SourceColumn> Parse(string text)
    {
        var columns = new List<SourceColumn>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || !TypeNames.TryGetValue(parts[1], out var type))
            {
                throw new FormatException($"'{entry}' is not name:type with a type among {string.Join(", ", TypeNames.Keys)}");
            }
            columns.Add(new SourceColumn(parts[0], type));
        }
        return columns;
    }
}
