using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Intrinsics;

/// <summary>An argument of an intrinsic function: a literal, a path, or a nested call.</summary>
internal abstract record IntrinsicArgument
{
    internal sealed record Literal(JsonNode? Value) : IntrinsicArgument;

    internal sealed record Path(JsonPath JsonPath) : IntrinsicArgument;

    internal sealed record Call(IntrinsicCall Function) : IntrinsicArgument;
}

/// <summary>A parsed <c>States.Name(arg, ...)</c> expression.</summary>
internal sealed record IntrinsicCall(string Name, IReadOnlyList<IntrinsicArgument> Arguments, string Text);
