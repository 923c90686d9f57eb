using System.Runtime.InteropServices;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// LightGBM parallelises with OpenMP, whose idle threads spin by default: on a busy machine (a laptop building, other
/// tests running) spinning threads steal the cores the working thread needs and training slows down by an order of
/// magnitude. <c>OMP_WAIT_POLICY=PASSIVE</c> makes them sleep instead. OpenMP reads the variable when the native library
/// loads, and .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach the native
/// environment on Unix, hence libc's <c>setenv</c>. A value the user set is left alone.
/// </summary>
internal static class OpenMpWaitPolicy
{
    private static int _applied;

    public static void PreferPassive()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1 || OperatingSystem.IsWindows()) return;
        if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null) return;
        try
        {
            _ = SetEnv("OMP_WAIT_POLICY", "PASSIVE", 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without libc's setenv the default (active) policy stays; training is only slower on a busy machine.
        }
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
