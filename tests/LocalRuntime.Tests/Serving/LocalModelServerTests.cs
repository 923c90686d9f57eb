using System.Net;
using System.Net.Sockets;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.Serving;
using TrainingOrchestration.LocalRuntime.Tests.SageMaker;
using TrainingOrchestration.TestSupport;

namespace TrainingOrchestration.LocalRuntime.Tests.Serving;

/// <summary><c>serve</c> answers over HTTP on the port it was given, whichever local host name the client uses.</summary>
public sealed class LocalModelServerTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Ping_and_invocations_answer_over_http_under_either_local_host_name(string host)
    {
        using var temp = new TempDirectory("serve-");
        var train = SyntheticChannel.Create("train", 300, 3, SyntheticChannel.Binary);
        var model = new XgboostTrainer().Train(train, null, new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "5" });
        var artifact = Path.Combine(temp.Path, "model.tar.gz");
        ModelArtifact.Write(artifact, model.Model);
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => LocalModelServer.ServeAsync(artifact, port, _ => { }, stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri($"http://{host}:{port}/"), Timeout = TimeSpan.FromSeconds(30) };

        var ping = await PingWhenUpAsync(http);
        var scored = await http.PostAsync("invocations", new StringContent("0.1,0.2,0.3\n0.9,0.8,0.7\n", System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, ping);
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal(2, (await scored.Content.ReadAsStringAsync()).Split(',').Length);
        await stop.CancelAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<HttpStatusCode> PingWhenUpAsync(HttpClient http)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (await http.GetAsync("ping")).StatusCode;
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
