using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Loading;
using TrainingOrchestration.Pipelines.Spec;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Pipelines;

/// <summary>
/// Loads <c>pipelines/&lt;name&gt;/pipeline.yaml</c> into a <see cref="PipelineSpec"/>. The YAML is read through the
/// representation model so every node keeps its line and column; all problems found in one pass are thrown
/// together as a <see cref="PipelineSpecException"/>, each naming file, line, column and field and saying what to do.
/// Onboarding a table is configuration only, so this loader is the gate that keeps a bad folder out of a deploy.
/// </summary>
public static partial class PipelineSpecLoader
{
    public const string FileName = "pipeline.yaml";

    public static PipelineSpec Load(string pipelineDirectory)
    {
        var directory = Path.GetFullPath(pipelineDirectory);
        var file = Path.Combine(directory, FileName);
        var errors = new SpecErrorList(file);
        if (!File.Exists(file))
        {
            errors.Add(Mark.Empty, "(file)", $"{FileName} not found in {directory}.", "Create it; see pipelines/churn/pipeline.yaml for the shape.");
            errors.ThrowIfAny();
        }
        var root = Parse(file, errors);
        errors.ThrowIfAny();
        var spec = Read(new YamlSection(root!, "", errors, SpecKeys.Root), directory, errors);
        errors.ThrowIfAny();
        return spec!;
    }

    /// <summary>Deeper nesting than any spec needs; YamlDotNet builds the tree recursively, so this keeps a hostile file from overflowing the stack.</summary>
    public const int MaxDepth = 32;

    private static YamlMappingNode? Parse(string file, SpecErrorList errors)
    {
        var text = StrictUtf8.TryRead(file, out var badAt);
        if (text is null)
        {
            errors.Add(new Mark(0, badAt.Line, badAt.Column), "(encoding)", StrictUtf8.Problem(file, badAt), StrictUtf8.Fix);
            return null;
        }
        var stream = new YamlStream();
        try
        {
            if (TooDeep(text) is { } deep)
            {
                errors.Add(deep, "(document)", $"nests more than {MaxDepth} levels deep.", "A pipeline spec is a few levels deep; check for runaway [ or { nesting.");
                return null;
            }
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var problem = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            errors.Add(e.Start, "(syntax)", $"is not valid YAML: {problem}", "Fix the YAML syntax at this position (indentation, quotes, duplicate keys).");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; report where parsing stopped.
            errors.Add(LastParsedPosition(file), "(syntax)", "is not valid YAML: the parser stopped after this position.",
                "Fix the YAML syntax just after this position (unclosed [ or {, quotes, indentation).");
            return null;
        }
        if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map) return map;
        errors.Add(Mark.Empty, "(document)", "must be a single YAML mapping (name: ..., tier: ..., ...).", "See pipelines/churn/pipeline.yaml for the shape.");
        return null;
    }

    /// <summary>Where the nesting first exceeds <see cref="MaxDepth"/>, read with the event parser (which does not recurse).</summary>
    private static Mark? TooDeep(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth) return parser.Current.Start;
            if (parser.Current is MappingEnd or SequenceEnd) depth--;
        }
        return null;
    }

    private static Mark LastParsedPosition(string file)
    {
        var parser = new Parser(new StringReader(File.ReadAllText(file)));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext()) last = parser.Current?.End ?? last;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // expected: the same failure as the load; 'last' is the end of the last good event
        }
        return last;
    }

    private static PipelineSpec? Read(YamlSection root, string directory, SpecErrorList errors)
    {
        var name = ReadName(root, directory);
        var description = root.Has("description") ? root.String("description", required: true) : "";
        var tier = ReadTier(root);
        var sourceSection = root.Section("source", required: true, SpecKeys.Source);
        var source = SourceReader.Read(sourceSection);
        var cadence = CadenceReader.Read(root.Section("cadence", required: true, SpecKeys.Cadence));
        var features = FeaturesReader.Read(root.Section("features", required: true, SpecKeys.Features), directory);
        var contract = FeaturesReader.ExistingFile(root, "contract", directory, "contract.yaml");
        var contractYaml = contract is null ? null : StrictUtf8.TryRead(contract, out var contractBadAt) is { } yaml ? yaml
            : Refuse(root, "contract", StrictUtf8.Problem(contract, contractBadAt));
        var sample = root.Section("sample", required: false, SpecKeys.Sample);
        var sampleData = sample is not null && sample.Has("data") ? FeaturesReader.ExistingFile(sample, "data", directory, "sample/data.csv") : null;
        if (sampleData is not null && features is not null) CheckSampleHasEntityKey(sample!, sampleData, features.EntityKey);
        var sampleEvent = sample is not null && sample.Has("event") ? FeaturesReader.ExistingFile(sample, "event", directory, "sample/event.json") : null;
        var sampleChanges = sample is not null && sample.Has("changes") ? FeaturesReader.ExistingFile(sample, "changes", directory, "sample/changes.jsonl") : null;
        if (source is { Columns.Count: > 0 } && features is not null && !source.Columns.Any(c => c.Name == features.EntityKey))
            sourceSection!.Error("columns", $"the declared columns do not include the entity key '{features.EntityKey}' (features.entityKey).",
                "Declare the key column: the merge keeps one row per entity key.");
        var training = TrainingReader.Read(root.Section("training", required: true, SpecKeys.Training));
        var evaluation = EvaluationReader.Read(root.Section("evaluation", required: true, SpecKeys.Evaluation), errors,
            training is null ? null : ProblemTypes.Of(training.Hyperparameters.GetValueOrDefault("objective"), out _));
        var notifications = NotificationsReader.Read(root, tier);
        var deploys = DeploymentReader.TryRead(root, out var deployment);
        if (!deploys || errors.Any || name is null || description is null || tier is null || source is null || cadence is null
            || features is null || contract is null || contractYaml is null || training is null || evaluation is null || notifications is null)
            return null;
        return new PipelineSpec
        {
            Name = name, Description = description, Tier = tier.Value, Source = source, Cadence = cadence,
            Features = features, ContractFile = contract, ContractYaml = contractYaml, Training = training, Evaluation = evaluation,
            Notifications = notifications, Directory = directory, SampleDataFile = sampleData, SampleEventFile = sampleEvent,
            SampleChangesFile = sampleChanges, Deployment = deployment,
        };
    }

    private static string? Refuse(YamlSection section, string key, string problem)
    {
        section.Error(key, problem, StrictUtf8.Fix);
        return null;
    }

    /// <summary>
    /// The feature job keeps the latest row per entity key of the source table before the SQL runs, so the key must
    /// be a column of the source itself, not one the SQL derives.
    /// </summary>
    private static void CheckSampleHasEntityKey(YamlSection sample, string sampleData, string entityKey)
    {
        var header = File.ReadLines(sampleData).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(header))
        {
            sample.Error("data", "the sample file is empty (no header line).", "Put a CSV header and some rows of the source table in it.");
            return;
        }
        var columns = header.Split(',').Select(c => c.Trim().Trim('"'));
        if (columns.Contains(entityKey, StringComparer.Ordinal)) return;
        sample.Error("data", $"the sample's header has no column '{entityKey}' (features.entityKey).",
            "The feature job keeps the latest row per entity key of the source table, so the key must be a source column: add it to the sample (and the table).");
    }

    private static string? ReadName(YamlSection root, string directory)
    {
        var name = root.String("name", required: true, Path.GetFileName(directory));
        if (name is null) return null;
        if (!PipelineName().IsMatch(name))
        {
            root.Error("name", $"'{name}' is not a valid pipeline name.",
                "Use 1 to 40 lowercase letters, digits and hyphens (it prefixes stack, state machine and training job names).");
            return null;
        }
        if (TargetNames.PipelineNameProblem(name) is { } problem)
        {
            root.Error("name", problem, "Choose a shorter name starting with a letter or digit (it prefixes stack, state machine and training job names).");
            return null;
        }
        var folder = Path.GetFileName(directory);
        if (name == folder) return name;
        root.Error("name", $"'{name}' does not match the folder name '{folder}'.", $"Rename the folder to '{name}' or set 'name: {folder}'.");
        return null;
    }

    private static PipelineTier? ReadTier(YamlSection root)
    {
        var tier = root.String("tier", required: true, "critical");
        switch (tier)
        {
            case null: return null;
            case "critical": return PipelineTier.Critical;
            case "exploratory": return PipelineTier.Exploratory;
            default:
                root.Error("tier", $"'{tier}' is not a tier.", NearestName.Hint(tier, ["critical", "exploratory"]));
                return null;
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex PipelineName();
}
