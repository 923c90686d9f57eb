using System.Text;
using TrainingOrchestration.LocalRuntime.S3;

namespace TrainingOrchestration.LocalRuntime.Tests.S3;

public sealed class FileObjectStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("file-object-store-").FullName;
    private readonly FileObjectStore _store;

    public FileObjectStoreTests() => _store = new FileObjectStore(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Written_objects_live_in_one_folder_per_bucket_and_read_back()
    {
        await _store.WriteAsync("bucket-a", "features/churn/run=1/test/part-00000.csv", Text("1,0.9\n"));

        await using var read = await _store.OpenReadAsync("bucket-a", "features/churn/run=1/test/part-00000.csv");
        using var reader = new StreamReader(read);

        Assert.Equal("1,0.9\n", await reader.ReadToEndAsync());
        Assert.True(File.Exists(Path.Combine(_root, "bucket-a", "features", "churn", "run=1", "test", "part-00000.csv")));
    }

    [Fact]
    public async Task Listing_returns_only_keys_under_the_prefix_in_key_order()
    {
        await _store.WriteAsync("b", "reports/p/run=1/predictions/b.csv.out", Text("x"));
        await _store.WriteAsync("b", "reports/p/run=1/predictions/a.csv.out", Text("xy"));
        await _store.WriteAsync("b", "reports/p/run=10/predictions/c.csv.out", Text("z"));
        await _store.WriteAsync("other", "reports/p/run=1/predictions/d.csv.out", Text("z"));

        var listed = new List<string>();
        await foreach (var item in _store.ListAsync("b", "reports/p/run=1/")) listed.Add($"{item.Key}:{item.Size}");

        Assert.Equal(["reports/p/run=1/predictions/a.csv.out:2", "reports/p/run=1/predictions/b.csv.out:1"], listed);
    }

    [Fact]
    public async Task Listing_a_missing_prefix_yields_nothing()
    {
        var listed = new List<string>();
        await foreach (var item in _store.ListAsync("nobucket", "x/")) listed.Add(item.Key);

        Assert.Empty(listed);
    }

    [Fact]
    public async Task Reading_a_missing_object_names_its_s3_uri()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync("b", "missing/key"));

        Assert.Contains("s3://b/missing/key", error.Message);
    }

    [Fact]
    public async Task Keys_that_escape_the_bucket_folder_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync("b", "../outside.txt", Text("x")));
    }

    [Fact]
    public async Task Exists_reports_written_objects_only()
    {
        await _store.WriteAsync("b", "k", Text("x"));

        Assert.True(await _store.ExistsAsync("b", "k"));
        Assert.False(await _store.ExistsAsync("b", "other"));
    }

    [Fact]
    public async Task An_object_whose_key_ends_in_tmp_is_listed_but_an_unfinished_write_is_not()
    {
        await _store.WriteAsync("b", "p/notes.tmp", Text("x"));
        var unfinished = Path.Combine(_root, "b", "p", "part.csv.out." + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllTextAsync(unfinished, "half");

        var listed = new List<string>();
        await foreach (var item in _store.ListAsync("b", "p/")) listed.Add(item.Key);

        Assert.Equal(["p/notes.tmp"], listed);
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));
}
