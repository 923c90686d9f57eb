using Amazon.CDK;

namespace TrainingOrchestration.Infra.Compute;

/// <summary>
/// Lambda rejects a function whose environment variables exceed 4 KB together, but only at deploy time. The check
/// runs at synthesis instead, counting each deploy-time token (table or bucket name) at its longest plausible length,
/// so an oversized <c>PIPELINE_CONFIG</c> (a long contract) fails here with a message rather than mid-deploy.
/// </summary>
public static class LambdaEnvironment
{
    public const int MaxBytes = 4 * 1024;
    public const int TokenAllowance = 255;

    public static void EnsureWithinLimit(string pipeline, IReadOnlyDictionary<string, string> variables)
    {
        var size = variables.Sum(pair => Bytes(pair.Key) + (Token.IsUnresolved(pair.Value) ? TokenAllowance : Bytes(pair.Value)));
        if (size > MaxBytes)
        {
            var largest = variables.MaxBy(pair => Bytes(pair.Value));
            throw new InvalidOperationException(
                $"Pipeline '{pipeline}': the task Lambdas' environment would take about {size} bytes, over Lambda's {MaxBytes}-byte limit; "
                + $"the largest variable is {largest.Key} ({Bytes(largest.Value)} bytes). Shorten the contract or the pipeline spec.");
        }
    }

    private static int Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);
}
