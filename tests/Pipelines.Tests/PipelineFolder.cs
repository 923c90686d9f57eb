namespace TrainingOrchestration.Pipelines.Tests;

/// <summary>
/// Builds a throwaway pipeline folder (pipeline.yaml, features.sql, contract.yaml, sample files) in a temp
/// directory, starting from a valid spec that individual tests break in one place.
/// </summary>
public sealed class PipelineFolder : IDisposable
{
    public const string ValidYaml = """
        name: demo
        description: A valid spec that tests break one field at a time.
        tier: critical
        source:
          table: customers
          cdc:
            kind: dynamodb-stream
            eventSource: training-orchestration.cdc
            detailType: Table Change
        cadence:
          minChanges: 500
          minInterval: 6h
          maxStaleness: 7d
          quietHours:
            start: "22:00"
            end: "06:00"
            timeZone: Europe/London
          schedule: cron(0 * * * ? *)
        features:
          sql: features.sql
          entityKey: customer_id
          label: churn
          split:
            train: 0.7
            validation: 0.2
            test: 0.1
        contract: contract.yaml
        sample:
          data: sample/data.csv
          event: sample/event.json
        training:
          xgboostVersion: "1.7-1"
          instanceType: ml.m5.xlarge
          instanceCount: 1
          volumeSizeGb: 30
          maxRuntime: 1h
          spot:
            enabled: true
            maxWait: 2h
          hyperparameters:
            objective: binary:logistic
            eval_metric: auc
            num_round: 300
            max_depth: 4
            eta: 0.05
        evaluation:
          primaryMetric: auc
          thresholds:
            auc: { min: 0.80 }
            log_loss: { max: 0.55 }
          championMargin: 0.002
        notifications:
          emails: [ml-oncall@example.com]
          notifyOnSuccess: true
          paging:
            emails: [ml-pager@example.com]
        """;

    private readonly string root;

    private PipelineFolder(string name, string yaml)
    {
        root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipelines-tests-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(root, name);
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "sample"));
        File.WriteAllText(System.IO.Path.Combine(Path, "pipeline.yaml"), yaml);
        File.WriteAllText(System.IO.Path.Combine(Path, "features.sql"), "SELECT customer_id, 1 AS churn FROM source");
        File.WriteAllText(System.IO.Path.Combine(Path, "contract.yaml"), "columns: []\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "sample", "data.csv"), "customer_id,churn\nC1,Yes\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "sample", "event.json"), "{}");
    }

    /// <summary>Absolute path of the pipeline folder.</summary>
    public string Path { get; }

    public string SpecFile => System.IO.Path.Combine(Path, "pipeline.yaml");

    public static PipelineFolder Valid() => new("demo", ValidYaml);

    /// <summary>The valid spec with <paramref name="find"/> replaced (the text must occur exactly once).</summary>
    public static PipelineFolder With(string find, string replace)
    {
        var index = ValidYaml.IndexOf(find, StringComparison.Ordinal);
        if (index < 0 || ValidYaml.IndexOf(find, index + 1, StringComparison.Ordinal) >= 0)
            throw new ArgumentException($"'{find}' must occur exactly once in the valid spec.", nameof(find));
        return new("demo", ValidYaml.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>The valid spec with hyperparameter <paramref name="name"/> set to <paramref name="value"/> (quoted).</summary>
    public static PipelineFolder WithHyperparameter(string name, string value)
    {
        var lines = ValidYaml.Split('\n').ToList();
        var line = $"    {name}: \"{value}\"";
        var existing = lines.FindIndex(l => l.StartsWith($"    {name}:", StringComparison.Ordinal));
        if (existing >= 0) lines[existing] = line;
        else lines.Insert(lines.IndexOf("    eta: 0.05") + 1, line);
        return new("demo", string.Join('\n', lines));
    }

    public static PipelineFolder Named(string folderName, string yaml) => new(folderName, yaml);

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
