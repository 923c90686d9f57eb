using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Jsonata;

/// <summary>The syntax tree of the JSONata subset the engine evaluates.</summary>
internal abstract record JsonataNode
{
    internal sealed record Literal(JsonNode? Value) : JsonataNode;

    /// <summary><c>$name</c>; <c>$</c> alone is the context item.</summary>
    internal sealed record Variable(string Name) : JsonataNode;

    /// <summary>A field of the context item (a bare name, or a path step).</summary>
    internal sealed record Field(string Name) : JsonataNode;

    internal sealed record Path(JsonataNode Left, JsonataNode Step) : JsonataNode;

    internal sealed record Predicate(JsonataNode Target, JsonataNode Condition) : JsonataNode;

    internal sealed record Binary(string Operator, JsonataNode Left, JsonataNode Right) : JsonataNode;

    internal sealed record Negate(JsonataNode Operand) : JsonataNode;

    internal sealed record Conditional(JsonataNode Condition, JsonataNode Then, JsonataNode? Else) : JsonataNode;

    internal sealed record ArrayConstructor(IReadOnlyList<JsonataNode> Items) : JsonataNode;

    internal sealed record ObjectConstructor(IReadOnlyList<(JsonataNode Key, JsonataNode Value)> Pairs) : JsonataNode;

    internal sealed record Call(JsonataNode Function, IReadOnlyList<JsonataNode> Arguments) : JsonataNode;

    /// <summary><c>$name := value</c>: binds the variable in the enclosing block (or the whole expression) and yields the value.</summary>
    internal sealed record Bind(string Name, JsonataNode Value) : JsonataNode;

    /// <summary><c>( a; b; c )</c>: evaluates each in turn in a new variable scope and yields the last value.</summary>
    internal sealed record Block(IReadOnlyList<JsonataNode> Expressions) : JsonataNode;
}
