using System.Globalization;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// Decides, from a CSV profile, the entity key, the label's encoding and how each other column becomes a feature:
/// numbers are cast (with missing and sentinel values replaced by the median and flagged), yes/no answers become 0/1,
/// categories are one-hot encoded, and free text, timestamps and identifiers are left out with the reason written down.
/// </summary>
internal static class ScaffoldPlanner
{
    private const int MaxDriftChecks = 5;

    public static ScaffoldPlan Plan(ScaffoldOptions options, TableProfile profile)
    {
        if (profile.Rows == 0) throw new ScaffoldException($"{profile.File}: the file has a header but no rows; the scaffold needs data to profile.");
        var names = SqlNames.Distinct(profile.Columns.Select(c => SqlNames.Identifier(c.Name)));
        var sourceNames = profile.Columns.Select((c, i) => (c.Name, names[i])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);

        var labelColumn = Find(profile, options.Label, "--label")
            ?? throw new ScaffoldException($"{profile.File}: there is no column '{options.Label}' for --label; the columns are {Columns(profile)}.");
        var label = PlanLabel(labelColumn, sourceNames[labelColumn.Name], options.Positive, profile.File, options.ProblemType);
        var key = PlanKey(options.Key, profile, sourceNames, labelColumn);

        var features = new List<FeatureColumn>();
        var dropped = new List<(string, string)>();
        foreach (var column in profile.Columns)
        {
            var name = sourceNames[column.Name];
            if (column == labelColumn || (!key.Added && name == key.Column)) continue;
            var reason = DropReason(column, name);
            if (reason is not null) { dropped.Add((name, reason)); continue; }
            features.AddRange(Encode(column, name));
        }
        if (features.Count == 0) throw new ScaffoldException($"{profile.File}: no column besides the key and the label can be a feature ({string.Join("; ", dropped.Select(d => $"{d.Item1}: {d.Item2}"))}).");

        var driftColumns = features.Where(f => f is { IsFlag: false, ContractType: "decimal" or "integer" }).Take(MaxDriftChecks).Select(f => f.Name).ToHashSet();
        var names2 = SqlNames.Distinct(features.Select(f => f.Name).Prepend(label.Column).Prepend(key.Column)).Skip(2).ToList();
        features = [.. features.Select((f, i) => f with { Name = names2[i], TrackDrift = driftColumns.Contains(f.Name) })];
        var table = SqlNames.Identifier(Path.GetFileNameWithoutExtension(options.CsvFile));
        return new ScaffoldPlan(options, profile, table, sourceNames, key, label, features, dropped);
    }

    private static ColumnProfile? Find(TableProfile profile, string name, string option) =>
        profile.Column(name)
        ?? profile.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? profile.Columns.FirstOrDefault(c => SqlNames.Identifier(c.Name) == SqlNames.Identifier(name));

    private static string Columns(TableProfile profile) => string.Join(", ", profile.Columns.Select(c => c.Name));

    private static LabelPlan PlanLabel(ColumnProfile column, string name, string? positive, string file, ProblemType? requested)
    {
        var values = column.Values;
        var count = values.Count == 0 ? "more than " + TableProfiler.MaxCategories : values.Count.ToString(CultureInfo.InvariantCulture);
        var shown = values.Count == 0 ? "too many to list" : string.Join(", ", values.Take(8).Select(v => $"'{v.Key}'"));
        var type = requested ?? (values.Count == 2 ? ProblemType.Binary
            : column.IsNumeric && (values.Count == 0 || values.Count > TableProfiler.MaxCategories || column.Kind == ColumnKind.Decimal) ? ProblemType.Regression
            : values.Count is >= 3 and <= TableProfiler.MaxCategories ? ProblemType.Multiclass
            : throw new ScaffoldException(
                $"{file}: label column '{column.Name}' has {count} distinct values ({shown}); the scaffold needs two values (binary), " +
                $"3 to {TableProfiler.MaxCategories} classes (multi-class) or numbers (regression). Empty cells are ignored."));
        if (type == ProblemType.Regression)
        {
            if (!column.IsNumeric) throw new ScaffoldException($"{file}: --problem-type regression needs a numeric label, but '{column.Name}' has text values ({shown}).");
            return LabelPlan.Regression(name, column);
        }
        if (type == ProblemType.Multiclass)
        {
            if (column.Kind is not (ColumnKind.Integer or ColumnKind.Category) || values.Count is < 2 or > TableProfiler.MaxCategories)
            {
                throw new ScaffoldException($"{file}: --problem-type multiclass needs an integer or text label with 2 to {TableProfiler.MaxCategories} values, but '{column.Name}' has {count} ({shown}).");
            }
            // Integers keep their numeric order (0..K-1 stay themselves when they already are), text its ordinal order.
            var classes = column.Kind == ColumnKind.Integer
                ? values.OrderBy(v => long.Parse(v.Key, CultureInfo.InvariantCulture)).ToList()
                : values.OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
            return LabelPlan.Multiclass(name, classes);
        }
        if (values.Count != 2)
        {
            throw new ScaffoldException(
                $"{file}: label column '{column.Name}' has {count} distinct values ({shown}); " +
                "a binary classifier needs exactly two values (empty cells are ignored).");
        }
        var chosen = positive is not null
            ? values.FirstOrDefault(v => string.Equals(v.Key, positive.Trim(), StringComparison.OrdinalIgnoreCase))
            : values.FirstOrDefault(v => v.Key.ToLowerInvariant() is "1" or "yes" or "y" or "true" or "t");
        if (chosen.Key is null)
        {
            var hint = positive is null ? "say which value is the positive class with --positive" : $"--positive '{positive}' is not one of them";
            throw new ScaffoldException($"{file}: label column '{column.Name}' has the values '{values[0].Key}' and '{values[1].Key}'; {hint}.");
        }
        var other = values.First(v => v.Key != chosen.Key);
        return new LabelPlan(name, chosen.Key, other.Key, chosen.Value, other.Value);
    }

    private static KeyPlan PlanKey(string? requested, TableProfile profile, IReadOnlyDictionary<string, string> names, ColumnProfile label)
    {
        if (requested is not null)
        {
            var column = Find(profile, requested, "--key")
                ?? throw new ScaffoldException($"{profile.File}: there is no column '{requested}' for --key; the columns are {Columns(profile)}.");
            if (column.Empty > 0) throw new ScaffoldException($"{profile.File}: key column '{column.Name}' is empty in {column.Empty} rows; an entity key needs a value in every row.");
            if (!column.Unique) throw new ScaffoldException($"{profile.File}: key column '{column.Name}' repeats values; an entity key must identify one row (leave out --key to have one added).");
            return new KeyPlan(names[column.Name], false, ContractType(column), $"'{names[column.Name]}' (given with --key)");
        }
        var detected = profile.Columns.FirstOrDefault(c => c != label && c.Unique && LooksLikeId(names[c.Name]));
        if (detected is not null)
        {
            return new KeyPlan(names[detected.Name], false, ContractType(detected), $"'{names[detected.Name]}' (unique in every row and named like an id)");
        }
        var digits = Math.Max(6, profile.Rows.ToString(CultureInfo.InvariantCulture).Length);
        return new KeyPlan(KeyPlan.AddedColumn, true, "string",
            $"'{KeyPlan.AddedColumn}' added to the sample: \"{KeyPlan.Prefix}\" + the row's 1-based number in {Path.GetFileName(profile.File)}, zero-padded to {digits} digits, because no column identifies a row")
        { Digits = digits };
    }

    private static bool LooksLikeId(string name) =>
        name is "id" or "key" || name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_key", StringComparison.Ordinal)
        || name.EndsWith("id", StringComparison.Ordinal) && name.Length <= 12;

    private static string ContractType(ColumnProfile column) => column.Kind == ColumnKind.Integer ? "integer" : "string";

    private static string? DropReason(ColumnProfile column, string name) => column.Kind switch
    {
        ColumnKind.Empty => "every value is empty",
        ColumnKind.Text => "free text or an identifier with too many distinct values to encode",
        ColumnKind.Timestamp => "a date or timestamp; derive a feature from it (for example an age in days) by hand",
        _ when column.Unique && LooksLikeId(name) => "unique in every row and named like an id, so it identifies rows rather than describing them",
        _ when column.Values.Count == 1 && column.Empty == 0 => $"always '{column.Values[0].Key}', so it cannot separate classes",
        _ => null,
    };

    private static IEnumerable<FeatureColumn> Encode(ColumnProfile column, string name) => column.Kind switch
    {
        ColumnKind.YesNo => [FeatureEncoder.YesNo(column, name)],
        ColumnKind.Category => FeatureEncoder.OneHot(column, name),
        _ => FeatureEncoder.Numeric(column, name),
    };
}
