using System.Text;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Glue;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Batch transform for CSV input split by line: applies InputFilter to each record, scores it with the model from
/// the artifact, joins the prediction to the input when JoinSource is Input, applies OutputFilter, and writes
/// <c>&lt;S3OutputPath&gt;/&lt;input file&gt;.out</c>, one line per record.
/// </summary>
public sealed class BatchTransformer(string s3Root)
{
    public void Run(S3Location modelArtifact, JsonObject request)
    {
        using var model = Booster.Load(ModelArtifact.ReadModel(modelArtifact.ToLocalPath(s3Root), modelArtifact.ToString()));

        var input = S3Location.Parse(JsonRead.String(request["TransformInput"]?["DataSource"]?["S3DataSource"]?["S3Uri"])!);
        var output = S3Location.Parse(JsonRead.String(request["TransformOutput"]?["S3OutputPath"])!);
        var processing = request["DataProcessing"];
        var inputFilter = CsvRecordFilter.Parse(JsonRead.String(processing?["InputFilter"]));
        var outputFilter = CsvRecordFilter.Parse(JsonRead.String(processing?["OutputFilter"]));
        var joinInput = string.Equals(JsonRead.String(processing?["JoinSource"]), "Input", StringComparison.Ordinal);
        var contentType = JsonRead.String(request["TransformInput"]?["ContentType"]) ?? "text/csv";
        if (!contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            throw AlgorithmFailure.Client($"Content-type '{contentType}' is not supported by the local transform (text/csv only).");
        }

        var files = S3PrefixListing.List(s3Root, input);
        if (files.Count == 0) throw AlgorithmFailure.Client($"No S3 objects found under S3 URL \"{input}\".");
        var inputFolder = input.Key.EndsWith('/') || input.Key.Length == 0 ? input.Key : input.Key[..(input.Key.LastIndexOf('/') + 1)];
        foreach (var (key, path) in files)
        {
            var target = output.Append(key[inputFolder.Length..] + ".out").ToLocalPath(s3Root);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var writer = new StreamWriter(target, false, new UTF8Encoding(false));
            // Records are scored in mini-batches, as the transform sends them to the container (BatchStrategy
            // MultiRecord), so a test split of any size is scored in bounded memory.
            var firstRecord = 1;
            foreach (var batch in File.ReadLines(path).Where(l => l.Length > 0).Chunk(MiniBatchRecords))
            {
                var records = batch.Select(l => l.Split(',')).ToList();
                var predictions = Predict(model, key, records.Select(r => string.Join(',', inputFilter.Apply(r))).ToList(), firstRecord);
                firstRecord += records.Count;
                for (var i = 0; i < records.Count; i++)
                {
                    string[] joined = joinInput ? [.. records[i], predictions[i]] : [predictions[i]];
                    writer.Write(string.Join(',', outputFilter.Apply(joined)));
                    writer.Write('\n');
                }
            }
        }
    }

    /// <summary>Records scored per call: for churn's rows (about 60 bytes each) this stays under MaxPayloadInMB's 6 MB default.</summary>
    public const int MiniBatchRecords = 50_000;

    /// <summary>
    /// One output text per record, as the container's batch mode writes <c>str(row)</c> of <c>preds.tolist()</c>
    /// (handler_service.py, <c>SAGEMAKER_BATCH</c>): a probability or value for binary and regression objectives and
    /// multi:softmax, a bracketed list of class probabilities for multi:softprob.
    /// </summary>
    /// <param name="firstRecord">The number of the first line in its file, for error messages.</param>
    public static string[] Predict(Booster model, string key, List<string> featureLines, int firstRecord = 1)
    {
        var data = CsvChannelReader.Read(key, [(key, featureLines)], labelled: false, firstRecord);
        try
        {
            using var matrix = new DMatrix(data, withLabels: false);
            var (values, shape) = model.Predict(matrix);
            var width = shape.Length == 2 ? (int)shape[1] : 1;
            var lines = new string[data.Rows];
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = shape.Length == 2 ? PythonFloat.FormatList(values.AsSpan(i * width, width)) : PythonFloat.Format(values[i]);
            }
            return lines;
        }
        catch (XgboostException e)
        {
            throw AlgorithmFailure.Client($"Unable to evaluate payload provided: {key} ({data.FeatureCount} features per record): {e.Message}");
        }
    }
}
