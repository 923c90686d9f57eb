namespace TrainingOrchestration.Asl.Paths;

internal enum SegmentKind
{
    Names,
    Indexes,
    Wildcard,
    Slice,
    Filter,
    DeepScan,
    Length,
}

/// <summary>One step of a JSONPath: <c>.name</c>, <c>['a','b']</c>, <c>[0,1]</c>, <c>[*]</c>, <c>[1:3]</c>, <c>[?(...)]</c>, <c>..name</c>.</summary>
internal sealed record PathSegment(
    SegmentKind Kind,
    string[]? Names = null,
    int[]? Indexes = null,
    int? SliceStart = null,
    int? SliceEnd = null,
    int SliceStep = 1,
    FilterExpression? Filter = null,
    PathSegment? Inner = null)
{
    public bool IsDefinite => Kind switch
    {
        SegmentKind.Names => Names!.Length == 1,
        SegmentKind.Indexes => Indexes!.Length == 1,
        SegmentKind.Length => true,
        _ => false,
    };
}
