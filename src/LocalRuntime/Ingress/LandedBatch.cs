using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Ingress;

/// <summary>A batch the ingress landed in <c>raw/&lt;table&gt;/</c>: the object's key, how many changes it holds, and the event that announces it.</summary>
public sealed record LandedBatch(string Key, int Changes, JsonObject Event);
