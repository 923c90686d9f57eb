using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Glue;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;
using TrainingOrchestration.Pipelines.Hyperparameters;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Reads the <c>train</c> and optional <c>validation</c> channels of a training job request into XGBoost with its
/// own CSV parser, as the container does (<see cref="DMatrix.LoadCsv"/>), failing the job with the ClientError
/// SageMaker reports for a missing channel, an empty prefix or an unsupported format. Disposing frees both matrices.
/// </summary>
public sealed record TrainingChannels(DMatrix Train, DMatrix? Validation) : IDisposable
{
    public void Dispose()
    {
        Train.Dispose();
        Validation?.Dispose();
    }

    /// <summary>
    /// A train channel at least this large is read as a QuantileDMatrix when the job trains with <c>tree_method=hist</c>
    /// (<see cref="DMatrix.LoadCsvQuantized"/>): the container's DMatrix would need 8 bytes per cell, about 2.6 GB while
    /// parsing the 7-million-row train split of a 10-million-row table. Smaller channels are read exactly as the container
    /// reads them.
    /// </summary>
    public const long QuantizeFromBytes = 256L * 1024 * 1024;

    /// <param name="quantizeFromBytes">The train channel size from which <see cref="QuantizeFromBytes"/> applies (tests lower it).</param>
    public static TrainingChannels Load(string s3Root, JsonObject request, string region, long quantizeFromBytes = QuantizeFromBytes)
    {
        var channels = (request["InputDataConfig"] as JsonArray)?.OfType<JsonObject>()
            .ToDictionary(c => JsonRead.String(c["ChannelName"]) ?? "", StringComparer.Ordinal) ?? [];
        if (!channels.TryGetValue("train", out var train))
        {
            throw AlgorithmFailure.Client($"Channel 'train' is required by XGBoost; the request has channels [{string.Join(", ", channels.Keys)}].");
        }
        var role = JsonRead.String(request["RoleArn"]) ?? "";
        var hyperparameters = JsonRead.StringMap(request["HyperParameters"]);
        var quantize = Quantizable(hyperparameters)
            ? (quantizeFromBytes, int.Parse(XgboostHyperparameters.Effective(hyperparameters, "max_bin") ?? "256", CultureInfo.InvariantCulture))
            : ((long FromBytes, int MaxBin)?)null;
        var trainData = Read(s3Root, "train", train, role, region, quantize);
        try
        {
            var validation = channels.TryGetValue("validation", out var v) ? Read(s3Root, "validation", v, role, region, quantize: null) : null;
            return new TrainingChannels(trainData, validation);
        }
        catch
        {
            trainData.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Hist trees are built from the bins alone; metrics the container computes itself predict on the train matrix,
    /// which needs its values.
    /// </summary>
    private static bool Quantizable(IReadOnlyDictionary<string, string> hyperparameters)
    {
        try
        {
            return hyperparameters.GetValueOrDefault("tree_method") == "hist" && TrainingSettings.From(hyperparameters).ComputedByContainer.Count == 0;
        }
        catch (AlgorithmFailure)
        {
            return false; // the trainer reports the bad hyperparameter
        }
    }

    private static DMatrix Read(string s3Root, string name, JsonObject channel, string role, string region, (long FromBytes, int MaxBin)? quantize)
    {
        var contentType = JsonRead.String(channel["ContentType"]) ?? "text/csv";
        if (!contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !contentType.Equals("csv", StringComparison.OrdinalIgnoreCase))
        {
            throw AlgorithmFailure.Client($"Content-type '{contentType}' of channel '{name}' is not supported by the local trainer (text/csv only).");
        }
        var uri = JsonRead.String(channel["DataSource"]?["S3DataSource"]?["S3Uri"])!;
        var location = S3Location.Parse(uri);
        var files = S3PrefixListing.List(s3Root, location);
        if (files.Count == 0)
        {
            throw AlgorithmFailure.Client($"No S3 objects found under S3 URL \"{uri}\" given in input data source. Please ensure that the bucket " +
                $"exists in the selected region ({region}), that objects exist under that S3 prefix, and that the role \"{role}\" has " +
                $"\"s3:ListBucket\" permissions on bucket \"{location.Bucket}\".");
        }
        try
        {
            var paths = files.Select(f => f.Path).ToList();
            if (quantize is { } q && paths.Sum(p => new FileInfo(p).Length) >= q.FromBytes) return DMatrix.LoadCsvQuantized(paths, q.MaxBin);
            return DMatrix.LoadCsv(paths);
        }
        catch (XgboostException e)
        {
            // data_utils.py: any exception while loading becomes UserError("Failed to load csv data with exception:\n{e}").
            throw AlgorithmFailure.Client($"Failed to load csv data with exception:\n{e.Message}");
        }
    }
}
