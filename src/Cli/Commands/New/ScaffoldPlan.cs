namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>Everything the scaffold decided from the profile, before any file is written.</summary>
internal sealed record ScaffoldPlan(
    ScaffoldOptions Options,
    TableProfile Profile,
    string Table,
    IReadOnlyDictionary<string, string> SourceNames,
    KeyPlan Key,
    LabelPlan Label,
    IReadOnlyList<FeatureColumn> Features,
    IReadOnlyList<(string Column, string Reason)> Dropped)
{
    /// <summary>The sample's header as written: the file's columns under their SQL names, the added key first.</summary>
    public IEnumerable<string> SampleHeader =>
        (Key.Added ? [Key.Column] : Array.Empty<string>()).Concat(Profile.Columns.Select(c => SourceNames[c.Name]));

    public IEnumerable<(string Original, string Renamed)> RenamedColumns =>
        Profile.Columns.Where(c => SourceNames[c.Name] != c.Name).Select(c => (c.Name, SourceNames[c.Name]));
}
