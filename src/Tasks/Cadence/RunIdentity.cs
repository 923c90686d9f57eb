using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// Deterministic names for the run a START begins. The execution name is <c>&lt;pipeline&gt;-g&lt;generation&gt;</c>:
/// every trigger that saw the same counter generation proposes the same name, and Step Functions refuses the
/// duplicate. The run id is <c>yyyyMMddTHHmm-&lt;6 hex&gt;</c> (UTC minute of the decision, then the first three
/// bytes of SHA-256 over pipeline and generation), which keeps SageMaker job names unique and sortable.
/// </summary>
public static class RunIdentity
{
    public static string ExecutionName(string pipeline, long generation) =>
        $"{pipeline}-g{generation.ToString(CultureInfo.InvariantCulture)}";

    public static string RunId(string pipeline, long generation, DateTimeOffset decidedAt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{pipeline}\n{generation.ToString(CultureInfo.InvariantCulture)}"));
        var minute = decidedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
        return $"{minute}-{Convert.ToHexStringLower(hash.AsSpan(0, 3))}";
    }
}
