using System.Text;
using System.Text.Json.Nodes;
using TrainingOrchestration.Tasks.Configuration;

namespace TrainingOrchestration.LocalRuntime.Tests.Lambda;

/// <summary>A Stream handler like the product's: echoes its input with one environment variable, or fails on request.</summary>
public sealed class EchoFunction
{
    public Task<Stream> Handle(Stream input)
    {
        var request = JsonNode.Parse(input)!;
        if (request["fail"]?.GetValue<bool>() == true) throw new InvalidOperationException("asked to fail");
        var response = new JsonObject { ["echo"] = request.DeepClone(), ["table"] = LambdaEnvironment.Get("TABLE_NAME"), ["root"] = LambdaEnvironment.Get("OBJECT_STORE_ROOT") };
        return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(response.ToJsonString())));
    }
}
