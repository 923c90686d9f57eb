using System.Diagnostics.Tracing;

namespace TrainingOrchestration.Bench.Contracts;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, naming the type and, for large objects, the heap)
/// summed by type, to find what fills the heap during a validation (<c>contracts-profile --file PATH --allocations</c>).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> bytesByType = [];

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" || e.Payload is null) return;
        var name = $"{e.Payload[e.PayloadNames!.IndexOf("TypeName")]} ({((uint)e.Payload[e.PayloadNames.IndexOf("AllocationKind")]! == 1 ? "large" : "small")})";
        var size = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        lock (bytesByType) bytesByType[name] = bytesByType.GetValueOrDefault(name) + size;
    }

    public void Print()
    {
        lock (bytesByType)
        {
            foreach (var (type, bytes) in bytesByType.OrderByDescending(p => p.Value).Take(15)) Console.WriteLine($"  {bytes / 1048576.0,8:F1} MB  {type}");
        }
    }
}
