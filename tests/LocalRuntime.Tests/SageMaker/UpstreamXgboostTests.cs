using System.Diagnostics;
using System.Globalization;
using TrainingOrchestration.LocalRuntime.Tests.Glue;
using Xunit.Abstractions;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>
/// The artifact the local runtime writes, read by upstream XGBoost 1.7.4 for Python (the library of SageMaker's
/// XGBoost 1.7-1 container) the way the container's server reads it: <c>xgb.Booster().load_model("xgboost-model")</c>.
/// </summary>
public sealed class UpstreamXgboostTests(ITestOutputHelper output)
{
    private const string Script = """
        import sys, tarfile, tempfile, os
        import numpy as np, xgboost as xgb
        artifact, features = sys.argv[1], sys.argv[2]
        folder = tempfile.mkdtemp()
        with tarfile.open(artifact) as tar:
            tar.extractall(folder)
        booster = xgb.Booster()
        booster.load_model(os.path.join(folder, "xgboost-model"))
        data = np.genfromtxt(features, delimiter=",", dtype=np.float32, ndmin=2)[:, 1:]
        predictions = booster.predict(xgb.DMatrix(data), validate_features=False)
        print(xgb.__version__)
        print("\n".join(map(str, predictions.tolist())))
        """;

    [SkippableFact]
    public async Task A_local_artifact_loads_in_upstream_xgboost_1_7_4_and_predicts_what_the_local_batch_transform_wrote()
    {
        var python = FindPythonWithXgboost();
        Skip.If(python is null, "python3-xgboost is not installed (apt-get install -y python3-xgboost): cannot compare with upstream XGBoost");
        using var fx = new SageMakerFixture();
        var job = await fx.TrainAsync(new TrainingRequestBuilder().Build());
        fx.Service.CreateModel(BatchTransformTests.ModelRequest(job));
        Assert.Equal("Completed", fx.Service.RunTransformJob(BatchTransformTests.TransformRequest()).Status);
        var local = File.ReadAllLines(fx.Local($"s3://{FeatureWorkspace.Bucket}/reports/churn/run=r1/predictions/part-00000-c000.csv.out"))
            .Select(l => l.Split(',')[^1]).ToList();

        var upstream = Run(python!, fx.Local(job.ModelArtifact!), fx.Workspace.FeaturesFile("r1", "test"));

        Assert.Equal("1.7.4", upstream[0]);
        var predictions = upstream.Skip(1).ToList();
        Assert.Equal(local.Count, predictions.Count);
        var largest = local.Zip(predictions, (a, b) => Math.Abs(Parse(a) - Parse(b))).Max();
        output.WriteLine($"{local.Count} predictions; {local.Zip(predictions).Count(p => p.First == p.Second)} identical as text; largest difference {largest:E2}");
        Assert.True(largest <= 1e-6, $"largest difference {largest:E2} exceeds 1e-6");
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static List<string> Run(string python, string artifact, string features)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", Script, artifact, features }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>Debian's python3-xgboost lives under /usr/bin/python3; a python3 first on PATH (pyenv) may not see it.</summary>
    private static string? FindPythonWithXgboost()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var start = new ProcessStartInfo(candidate) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var argument in new[] { "-c", "import xgboost" }) start.ArgumentList.Add(argument);
                using var process = Process.Start(start);
                if (process is null) continue;
                process.WaitForExit();
                if (process.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed at this path
            }
        }
        return null;
    }
}
