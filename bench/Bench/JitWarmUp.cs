using System.Diagnostics;

namespace TrainingOrchestration.Bench;

/// <summary>
/// Runs a phase until tiered compilation has settled, so the measured runs execute optimized code: at least three runs,
/// then until no method has been compiled for two seconds (at most 30 s). The runtime promotes a hot method to optimized
/// code only after a quiet period without new compilations, in two steps (instrumented, then optimized), on a
/// background thread; a few runs of a phase that lasts milliseconds measured mostly unoptimized code (the ASL bench's
/// 50-step chain ran 3-4x slower in its first 3-4 seconds than after). Returns the seconds spent, so the other side of a
/// comparison can be given as long.
/// </summary>
internal static class JitWarmUp
{
    public static async Task<double> UntilSettled(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var lastCompiled = TimeSpan.Zero;
        for (var runs = 1; ; runs++)
        {
            await run();
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastCompiled = watch.Elapsed;
            }
            if (runs >= 3 && watch.Elapsed - lastCompiled >= TimeSpan.FromSeconds(2)) break;
            if (watch.Elapsed >= TimeSpan.FromSeconds(30)) break;
        }
        return watch.Elapsed.TotalSeconds;
    }
}
