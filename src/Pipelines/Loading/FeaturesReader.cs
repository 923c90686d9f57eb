using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Sql;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>Reads <c>features</c>: the SQL file (must exist), entity key, label and split fractions.</summary>
internal static partial class FeaturesReader
{
    private const double Tolerance = 1e-9;

    public static FeaturesSpec? Read(YamlSection? features, string directory)
    {
        if (features is null) return null;
        var sql = ExistingFile(features, "sql", directory, "features.sql");
        if (sql is not null && !SqlStaysInside(features, sql)) sql = null;
        var entityKey = Identifier(features, "entityKey", "customer_id");
        var label = Identifier(features, "label", "churn");
        if (entityKey is not null && entityKey == label)
            features.Error("label", $"the label '{label}' is also the entity key.", "Use different columns for the entity key and the label.");
        var split = features.Has("split") ? ReadSplit(features.Section("split", required: true, SpecKeys.Split)) : new SplitSpec(0.7, 0.2, 0.1);
        var glue = features.Has("glue") ? features.Section("glue", required: true, SpecKeys.Glue) : null;
        var workerType = glue is not null && glue.Has("workerType") ? glue.String("workerType", required: true, "G.1X") : "G.1X";
        // Spark job worker types (https://docs.aws.amazon.com/glue/latest/dg/add-job.html); G.025X is for streaming jobs only.
        string[] workerTypes = ["G.1X", "G.2X", "G.4X", "G.8X"];
        if (workerType is not null && !workerTypes.Contains(workerType))
        {
            glue!.Error("workerType", $"'{workerType}' is not a Glue worker type for a Spark job.", NearestName.Hint(workerType, workerTypes));
            workerType = null;
        }
        var workers = glue is not null && glue.Has("workers") ? glue.Int("workers", required: true, min: 2, max: 299, example: "2") : 2;
        if (sql is null || entityKey is null || label is null || split is null || workerType is null || workers is null) return null;
        return new FeaturesSpec
        {
            SqlFile = sql, EntityKey = entityKey, Label = label, Split = split, GlueWorkerType = workerType, GlueWorkers = workers.Value,
        };
    }

    /// <summary>
    /// Resolves a path relative to the pipeline folder; reports it when the file is missing, is a folder, or lies
    /// outside the pipeline folder (absolute, '..', or a symbolic link out).
    /// </summary>
    public static string? ExistingFile(YamlSection section, string key, string directory, string example)
    {
        var relative = section.String(key, required: true, example);
        if (relative is null) return null;
        var full = PipelinePath.Resolve(directory, relative, out var problem, out var fix);
        if (full is null) section.Error(key, problem!, fix!);
        return full;
    }

    /// <summary>The SQL is UTF-8 and one SELECT over the job's views (<see cref="FeatureSqlGuard"/>); errors point into the SQL file.</summary>
    private static bool SqlStaysInside(YamlSection features, string sqlFile)
    {
        var field = features.FieldOf("sql");
        var text = StrictUtf8.TryRead(sqlFile, out var badAt);
        if (text is null)
        {
            features.ErrorInFile(sqlFile, badAt.Line, badAt.Column, field, StrictUtf8.Problem(sqlFile, badAt), StrictUtf8.Fix);
            return false;
        }
        if (FeatureSqlGuard.Check(text, FeatureSqlGuard.FeatureJobViews) is not { } violation) return true;
        features.ErrorInFile(sqlFile, violation.Line, violation.Column, field, violation.Problem, violation.Fix);
        return false;
    }

    private static string? Identifier(YamlSection section, string key, string example)
    {
        var name = section.String(key, required: true, example);
        if (name is null || ColumnName().IsMatch(name)) return name;
        section.Error(key, $"'{name}' is not a plain column name.", "Use letters, digits and underscores, starting with a letter or underscore.");
        return null;
    }

    private static SplitSpec? ReadSplit(YamlSection? split)
    {
        if (split is null) return null;
        var train = Fraction(split, "train");
        var validation = Fraction(split, "validation");
        var test = Fraction(split, "test");
        if (train is null || validation is null || test is null) return null;
        var sum = train.Value + validation.Value + test.Value;
        if (Math.Abs(sum - 1) > Tolerance)
        {
            split.Error("train", $"train + validation + test = {sum:R}, not 1.", "Adjust the fractions so they sum to exactly 1, e.g. 0.7, 0.2, 0.1.");
            return null;
        }
        return new SplitSpec(train.Value, validation.Value, test.Value);
    }

    private static double? Fraction(YamlSection split, string key)
    {
        var x = split.Double(key, required: true, key == "train" ? "0.7" : "0.2");
        if (x is null) return null;
        if (x > 0 && x < 1) return x;
        split.Error(key, $"{x} is not strictly between 0 and 1.", "Every split needs some rows and none can have all of them; use a value in (0, 1).");
        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ColumnName();
}
