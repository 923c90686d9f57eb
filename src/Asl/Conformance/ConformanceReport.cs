using System.Text;

namespace TrainingOrchestration.Asl.Conformance;

/// <summary>The text report of a corpus run: counts by feature and query language, failing ids, then "N passed, M failed".</summary>
public static class ConformanceReport
{
    public static string Render(IReadOnlyList<ConformanceResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("By feature:");
        foreach (var group in results.SelectMany(r => r.Case.Features.Select(f => (Feature: f, r.Passed))).GroupBy(x => x.Feature).OrderBy(g => g.Key))
        {
            sb.AppendLine($"  {group.Key}: {group.Count(x => x.Passed)}/{group.Count()} passed");
        }
        sb.AppendLine("By query language:");
        foreach (var group in results.GroupBy(r => r.Case.QueryLanguage + (r.Case.Nondeterministic ? " (nondeterministic: status only)"
                     : r.Ambiguous ? " (ambiguous masked recording: status only)" : "")).OrderBy(g => g.Key))
        {
            sb.AppendLine($"  {group.Key}: {group.Count(r => r.Passed)}/{group.Count()} passed");
        }
        var required = results.Where(r => r.Required).ToList();
        sb.AppendLine($"Deterministic JSONPath (required): {required.Count(r => r.Passed)}/{required.Count} passed");
        var failing = results.Where(r => !r.Passed).ToList();
        if (failing.Count > 0)
        {
            sb.AppendLine("Failing:");
            foreach (var failure in failing) sb.AppendLine($"  {failure.Case.Id} [{failure.Case.QueryLanguage}]: {failure.Reason}");
        }
        sb.Append($"{results.Count(r => r.Passed)} passed, {failing.Count} failed");
        return sb.ToString();
    }
}
