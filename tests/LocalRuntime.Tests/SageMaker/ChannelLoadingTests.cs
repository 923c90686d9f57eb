using System.Globalization;
using System.Text;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;
using TrainingOrchestration.TestSupport;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>
/// Training channels are read by XGBoost's own CSV parser, as the container reads them in File mode; batch transform
/// scores a file of any size in mini-batches.
/// </summary>
public sealed class ChannelLoadingTests : IDisposable
{
    private readonly TempDirectory _temp = new("channel-loading-");

    private string Folder => _temp.Path;

    [Fact]
    public void A_channel_read_by_xgboost_trains_the_same_model_as_the_same_rows_with_empty_cells_as_missing()
    {
        var data = SyntheticChannel.Create("train", 600, 4, SyntheticChannel.Binary);
        var withGaps = data with { Features = data.Features.Select((v, i) => i % 7 == 3 ? float.NaN : v).ToArray() };
        var first = WriteCsv("part-00000.csv", withGaps, 0, 250);
        var second = WriteCsv("part-00001.csv", withGaps, 250, 600);
        var hyperparameters = new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "20", ["subsample"] = "0.8" };

        using var loaded = DMatrix.LoadCsv([first, second]);
        var fromFiles = new XgboostTrainer().Train(loaded, null, hyperparameters);
        var inMemory = new XgboostTrainer().Train(withGaps, null, hyperparameters);

        Assert.Equal((600, 4), (loaded.Rows, loaded.Columns));
        Assert.Equal(withGaps.Labels, loaded.Labels);
        Assert.Equal(inMemory.Model, fromFiles.Model);
    }

    [Fact]
    public void Files_are_read_in_the_order_given_and_a_cell_that_is_not_a_number_is_skipped_as_the_container_does()
    {
        var a = Write("a.csv", "1,2.5,,3\n0,1,2,\n1,abc,1,1\n");
        var b = Write("b.csv", "0,0,5,0\n");

        using var loaded = DMatrix.LoadCsv([b, a]);

        Assert.Equal([0f, 1f, 0f, 1f], loaded.Labels);
        Assert.Equal((4, 3), (loaded.Rows, loaded.Columns));
    }

    [Fact]
    public void The_churn_train_split_read_in_batches_as_a_QuantileDMatrix_trains_the_same_hist_model_as_the_containers_DMatrix()
    {
        using var fx = new SageMakerFixture();
        var request = new TrainingRequestBuilder().With("tree_method", "hist").With("num_round", "50").WithoutValidation().Build();
        var hyperparameters = request["HyperParameters"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

        using var exact = TrainingChannels.Load(fx.Workspace.S3Root, request, "us-east-1");
        using var quantized = TrainingChannels.Load(fx.Workspace.S3Root, request, "us-east-1", quantizeFromBytes: 0);
        using var batches = DMatrix.LoadCsvQuantized([fx.Workspace.FeaturesFile("r1", "train")], maxBin: 256, batchRows: 1_000);

        Assert.False(exact.Train.Quantized);
        Assert.True(quantized.Train.Quantized);
        Assert.Equal((exact.Train.Rows, exact.Train.Columns), (quantized.Train.Rows, quantized.Train.Columns));
        Assert.Equal(exact.Train.Labels, batches.Labels);
        var model = new XgboostTrainer().Train(exact.Train, null, hyperparameters).Model;
        Assert.Equal(model, new XgboostTrainer().Train(quantized.Train, null, hyperparameters).Model);
        Assert.Equal(model, new XgboostTrainer().Train(batches, null, hyperparameters).Model);
    }

    [Fact]
    public void A_channel_whose_rows_differ_in_width_is_read_as_a_DMatrix_and_without_hist_nothing_is_quantized()
    {
        var ragged = Write("ragged.csv", "1,2.5,3\n0,1\n");
        using var fx = new SageMakerFixture();
        var request = new TrainingRequestBuilder().WithoutValidation().Build();

        using var loaded = DMatrix.LoadCsvQuantized([ragged], maxBin: 256);
        using var approx = TrainingChannels.Load(fx.Workspace.S3Root, request, "us-east-1", quantizeFromBytes: 0);

        Assert.False(loaded.Quantized);
        Assert.Equal((2, 2), (loaded.Rows, loaded.Columns));
        Assert.False(approx.Train.Quantized);
    }

    [Fact]
    public void A_path_xgboosts_uri_syntax_would_misread_is_refused_naming_it()
    {
        var error = Assert.Throws<XgboostException>(() => DMatrix.LoadCsv([Path.Combine(Folder, "odd;name.csv")]));

        Assert.Contains("odd;name.csv", error.Message);
    }

    [Fact]
    public void A_file_longer_than_one_mini_batch_is_scored_whole_in_order_with_the_right_line_in_errors()
    {
        var train = SyntheticChannel.Create("train", 400, 3, SyntheticChannel.Binary);
        var model = new XgboostTrainer().Train(train, null, new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "5" });
        using var booster = Booster.Load(model.Model);
        var rows = BatchTransformer.MiniBatchRecords + 1_234;
        var lines = Enumerable.Range(0, rows).Select(i => string.Join(',', Enumerable.Range(0, 3)
            .Select(f => ((i * 7 + f * 13) % 100 / 100f).ToString(CultureInfo.InvariantCulture)))).ToList();

        var whole = BatchTransformer.Predict(booster, "test.csv", lines);
        var second = BatchTransformer.Predict(booster, "test.csv", lines[BatchTransformer.MiniBatchRecords..], BatchTransformer.MiniBatchRecords + 1);
        var bad = Assert.Throws<AlgorithmFailure>(() =>
            BatchTransformer.Predict(booster, "test.csv", ["0.1,0.2,0.3", "0.1,x,0.3"], BatchTransformer.MiniBatchRecords + 1));

        Assert.Equal(whole[BatchTransformer.MiniBatchRecords..], second);
        Assert.Contains($"test.csv line {BatchTransformer.MiniBatchRecords + 2}", bad.Message);
    }

    private string WriteCsv(string name, ChannelData data, int from, int to)
    {
        var text = new StringBuilder();
        for (var r = from; r < to; r++)
        {
            text.Append(data.Labels[r].ToString(CultureInfo.InvariantCulture));
            foreach (var value in data.Row(r)) text.Append(',').Append(float.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return Write(name, text.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
