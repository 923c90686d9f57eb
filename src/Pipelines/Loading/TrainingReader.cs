using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Hyperparameters;
using TrainingOrchestration.Pipelines.Spec;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Reads <c>training</c>: the built-in XGBoost container version, instance, limits (SageMaker caps
/// <c>MaxRuntimeInSeconds</c> at 28 days; spot <c>MaxWaitTimeInSeconds</c> must be at least the runtime) and
/// hyperparameters checked against XGBoost's documented ranges.
/// </summary>
internal static partial class TrainingReader
{
    /// <summary>Versions of the SageMaker built-in XGBoost container (framework version, image tag).</summary>
    public static readonly string[] XgboostVersions = ["0.90-1", "0.90-2", "1.0-1", "1.2-1", "1.2-2", "1.3-1", "1.5-1", "1.7-1"];

    public static readonly TimeSpan MaxRuntimeLimit = TimeSpan.FromDays(28);

    public static TrainingSpec? Read(YamlSection? training)
    {
        if (training is null) return null;
        var version = training.String("xgboostVersion", required: true, "\"1.7-1\"");
        if (version is not null && !XgboostVersions.Contains(version))
            training.Error("xgboostVersion", $"'{version}' is not a SageMaker built-in XGBoost version.",
                $"Use one of {string.Join(", ", XgboostVersions)} (quoted).");
        var instanceType = training.String("instanceType", required: true, "ml.m5.xlarge");
        if (instanceType is not null && !InstanceType().IsMatch(instanceType))
            training.Error("instanceType", $"'{instanceType}' is not a SageMaker instance type.", "Write it as ml.<family>.<size>, e.g. ml.m5.xlarge.");
        var count = training.Has("instanceCount") ? training.Int("instanceCount", required: true, min: 1, example: "1") : 1;
        var volume = training.Has("volumeSizeGb") ? training.Int("volumeSizeGb", required: true, min: 1, max: 16384, example: "30") : 30;
        var maxRuntime = training.Duration("maxRuntime", required: true, "1h");
        if (maxRuntime is { } r && (r <= TimeSpan.Zero || r > MaxRuntimeLimit))
        {
            training.Error("maxRuntime", $"{DurationText.Format(r)} is outside what SageMaker allows (more than 0, at most 28d).", "Use a duration between 1s and 28d.");
            maxRuntime = null;
        }
        var spot = ReadSpot(training.Section("spot", required: false, SpecKeys.Spot), maxRuntime);
        var hyperparameters = ReadHyperparameters(training);
        if (version is null || instanceType is null || count is null || volume is null || maxRuntime is null || hyperparameters is null)
            return null;
        if (training.Has("spot") && spot is null) return null;
        return new TrainingSpec
        {
            XgboostVersion = version,
            InstanceType = instanceType,
            InstanceCount = count.Value,
            VolumeSizeGb = volume.Value,
            MaxRuntime = maxRuntime.Value,
            Spot = spot ?? new SpotSpec(false, TimeSpan.Zero),
            Hyperparameters = hyperparameters,
        };
    }

    private static SpotSpec? ReadSpot(YamlSection? spot, TimeSpan? maxRuntime)
    {
        if (spot is null) return null;
        var enabled = spot.Bool("enabled", required: true);
        var maxWait = spot.Duration("maxWait", required: enabled == true, "2h");
        var ok = enabled is not null && (enabled == false || maxWait is not null);
        if (maxWait is { } tooLong && tooLong > MaxRuntimeLimit)
        {
            spot.Error("maxWait", $"{DurationText.Format(tooLong)} is longer than 28d.", "Use at most 28d.");
            ok = false;
        }
        else if (enabled == true && maxWait is { } w && maxRuntime is { } r && w < r)
        {
            spot.Error("maxWait", $"{DurationText.Format(w)} is shorter than maxRuntime {DurationText.Format(r)}.",
                "SageMaker requires MaxWaitTimeInSeconds >= MaxRuntimeInSeconds for spot training; raise maxWait.");
            ok = false;
        }
        return ok ? new SpotSpec(enabled!.Value, maxWait ?? TimeSpan.Zero) : null;
    }

    private static IReadOnlyDictionary<string, string>? ReadHyperparameters(YamlSection training)
    {
        var map = training.Mapping("hyperparameters", required: true);
        if (map is null) return null;
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var misspelt = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var field = $"hyperparameters.{name}";
            if (!XgboostHyperparameters.IsKnown(name))
            {
                Report(training, keyNode, field, $"unknown hyperparameter '{name}'.",
                    NearestName.Hint(name, XgboostHyperparameters.Names) + " See the SageMaker XGBoost hyperparameters page.");
                if (NearestName.Find(name, XgboostHyperparameters.Names) is { } intended) misspelt.Add(intended);
                ok = false;
                continue;
            }
            if (valueNode is not YamlScalarNode { Value: { Length: > 0 } value })
            {
                Report(training, valueNode, field, $"expected a single value but found {YamlSection.Describe(valueNode)}.", "Write one value per hyperparameter.");
                ok = false;
                continue;
            }
            if (XgboostHyperparameters.Problem(name, value) is { } problem)
            {
                Report(training, valueNode, field, problem, "Use a value in the range XGBoost documents for this parameter.");
                ok = false;
                continue;
            }
            values[name] = value;
        }
        if (ok && ProblemTypes.Of(values.GetValueOrDefault("objective"), out var refusal) is null)
        {
            var at = map.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "objective");
            Report(training, at.Value ?? map, "hyperparameters.objective", refusal!,
                $"Use one of the objectives the evaluation scores: {string.Join(", ", ProblemTypes.AcceptedObjectives)}.");
            ok = false;
        }
        foreach (var (name, problem) in XgboostHyperparameters.CrossProblems(values))
        {
            if (misspelt.Contains(name) || map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == name)) continue;
            Report(training, map, $"hyperparameters.{name}", problem, $"Add '{name}: <value>' under hyperparameters.");
            ok = false;
        }
        return ok ? values : null;
    }

    private static void Report(YamlSection training, YamlNode at, string field, string problem, string fix) =>
        training.ErrorAt(at.Start, training.FieldOf(field), problem, fix);

    [GeneratedRegex(@"^ml\.[a-z0-9]+\.[a-z0-9]+$")]
    private static partial Regex InstanceType();
}
