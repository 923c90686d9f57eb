using System.Runtime.InteropServices;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// libxgboost parallelises with OpenMP (libgomp), whose idle threads spin by default: on a busy machine the spinning
/// threads steal the cores the working threads need. Measured on a shared two-core machine, 300 rounds on the churn
/// sample's size (4,900 × 23) took 149 s with the default policy and 9 s with <c>OMP_WAIT_POLICY=PASSIVE</c>. libgomp
/// reads the variable once, when it loads with libxgboost, and .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// does not reach the native environment on Unix, hence libc's <c>setenv</c>. A value the user set is left alone.
/// </summary>
internal static partial class OpenMpWaitPolicy
{
    public static void PreferPassive()
    {
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null) return;
        try
        {
            _ = SetEnv("OMP_WAIT_POLICY", "PASSIVE", 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without libc's setenv the default (active) policy stays; training is only slower on a busy machine.
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
