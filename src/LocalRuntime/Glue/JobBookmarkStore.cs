using System.Text.Json;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// Keeps job bookmarks as JSON files, one per job (<c>&lt;workspace&gt;/glue/bookmarks/&lt;job&gt;.json</c>), so a
/// reused workspace carries them over between runs as an AWS account does.
/// </summary>
public sealed class JobBookmarkStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string PathFor(string jobName) => Path.Combine(directory, jobName + ".json");

    public JobBookmark Load(string jobName)
    {
        var path = PathFor(jobName);
        if (!File.Exists(path)) return JobBookmark.Empty(jobName);
        try
        {
            return JsonSerializer.Deserialize<JobBookmark>(File.ReadAllText(path), Json) ?? JobBookmark.Empty(jobName);
        }
        catch (JsonException e)
        {
            throw new FeatureJobException($"job bookmark {path} is not valid JSON ({e.Message}); delete it to reset the bookmark", e);
        }
    }

    public void Save(JobBookmark bookmark)
    {
        Directory.CreateDirectory(directory);
        var path = PathFor(bookmark.JobName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(bookmark, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Glue's ResetJobBookmark: the next run processes every raw file again.</summary>
    public void Reset(string jobName) => File.Delete(PathFor(jobName));
}
