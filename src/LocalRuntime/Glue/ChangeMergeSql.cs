using System.Text;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// The change merge's SQL assets (<c>infra/Features/cdc/*.sql</c>, embedded here and shipped beside the Glue
/// script) turned into statements, exactly as <c>feature_job.py</c>'s <c>sql_statements</c> does: the file's
/// <c>-- column:</c> template is repeated for each source column into <c>{{columns}}</c>, <c>{{column_names}}</c> and
/// <c>{{key}}</c> are filled in, comment lines are dropped, and statements end with a <c>;</c> at the end of a line.
/// </summary>
public static class ChangeMergeSql
{
    private const string ColumnDirective = "-- column:";

    public static IReadOnlyList<string> Statements(string asset, string key, IReadOnlyList<SourceColumn> columns)
    {
        var lines = Read(asset).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var template = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(ColumnDirective, StringComparison.Ordinal))?[ColumnDirective.Length..].Trim();
        var body = string.Join("\n", lines.Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        if (template is not null)
        {
            var expanded = columns.Select(c => template.Replace("{{name}}", c.Name, StringComparison.Ordinal).Replace("{{type}}", c.SqlType, StringComparison.Ordinal));
            body = body.Replace("{{columns}}", string.Join(",\n  ", expanded), StringComparison.Ordinal);
        }
        body = body.Replace("{{column_names}}", string.Join(", ", columns.Select(c => c.Name)), StringComparison.Ordinal)
            .Replace("{{key}}", key, StringComparison.Ordinal);
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in body.Split('\n'))
        {
            current.AppendLine(line);
            if (!line.TrimEnd().EndsWith(';')) continue;
            statements.Add(current.ToString().Trim().TrimEnd(';').TrimEnd());
            current.Clear();
        }
        if (current.ToString().Trim().Length > 0) statements.Add(current.ToString().Trim());
        return statements;
    }

    public static string Read(string asset)
    {
        using var stream = typeof(ChangeMergeSql).Assembly.GetManifestResourceStream("cdc/" + asset)
            ?? throw new FeatureJobException($"the change merge SQL asset {asset} is not embedded in the local runtime");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
