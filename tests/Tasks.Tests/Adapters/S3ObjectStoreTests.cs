using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using TrainingOrchestration.Tasks.Adapters;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Adapters;

public sealed class S3ObjectStoreTests
{
    private static AmazonS3Exception NotFound() => new("Not Found", Amazon.Runtime.ErrorType.Sender, "NoSuchKey", "req-1", HttpStatusCode.NotFound);

    [Fact]
    public async Task Listing_follows_continuation_tokens_until_the_last_page()
    {
        var (client, stub) = StubClient<IAmazonS3>.Create((method, request) =>
        {
            var list = (ListObjectsV2Request)request!;
            return list.ContinuationToken is null
                ? new ListObjectsV2Response { S3Objects = [new S3Object { Key = "p/a.out", Size = 3 }], IsTruncated = true, NextContinuationToken = "t1" }
                : new ListObjectsV2Response { S3Objects = [new S3Object { Key = "p/b.out", Size = 4 }], IsTruncated = false };
        });

        var keys = new List<string>();
        await foreach (var item in new S3ObjectStore(client).ListAsync("bucket", "p/")) keys.Add(item.Key);

        Assert.Equal(["p/a.out", "p/b.out"], keys);
        Assert.Equal(2, stub.Calls.Count);
        Assert.All(stub.Calls, c => Assert.Equal("p/", ((ListObjectsV2Request)c.Request!).Prefix));
    }

    [Fact]
    public async Task An_empty_listing_page_without_objects_yields_nothing()
    {
        var (client, _) = StubClient<IAmazonS3>.Create((_, _) => new ListObjectsV2Response());

        var keys = new List<string>();
        await foreach (var item in new S3ObjectStore(client).ListAsync("bucket", "p/")) keys.Add(item.Key);

        Assert.Empty(keys);
    }

    [Fact]
    public async Task Reading_streams_the_object_body()
    {
        var (client, _) = StubClient<IAmazonS3>.Create((method, _) =>
            new GetObjectResponse { ResponseStream = new MemoryStream(Encoding.UTF8.GetBytes("1,0.9\n")) });

        await using var stream = await new S3ObjectStore(client).OpenReadAsync("bucket", "k");
        using var reader = new StreamReader(stream);

        Assert.Equal("1,0.9\n", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task A_missing_object_becomes_file_not_found_naming_its_uri()
    {
        var (client, _) = StubClient<IAmazonS3>.Create((_, _) => NotFound());

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => new S3ObjectStore(client).OpenReadAsync("bucket", "missing.out"));

        Assert.Contains("s3://bucket/missing.out", error.Message);
    }

    [Fact]
    public async Task Exists_is_false_for_a_missing_object_and_true_otherwise()
    {
        var (missing, _) = StubClient<IAmazonS3>.Create((_, _) => NotFound());
        var (present, _) = StubClient<IAmazonS3>.Create((_, _) => new GetObjectMetadataResponse());

        Assert.False(await new S3ObjectStore(missing).ExistsAsync("bucket", "k"));
        Assert.True(await new S3ObjectStore(present).ExistsAsync("bucket", "k"));
    }

    [Fact]
    public async Task Writing_puts_the_stream_without_closing_it()
    {
        var (client, stub) = StubClient<IAmazonS3>.Create((_, _) => new PutObjectResponse());
        var content = new MemoryStream(Encoding.UTF8.GetBytes("x"));

        await new S3ObjectStore(client).WriteAsync("bucket", "reports/k", content);

        var put = (PutObjectRequest)Assert.Single(stub.Calls).Request!;
        Assert.Equal(("bucket", "reports/k"), (put.BucketName, put.Key));
        Assert.True(content.CanRead);
    }
}
