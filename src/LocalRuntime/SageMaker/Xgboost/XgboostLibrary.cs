using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// Finds libxgboost for <see cref="XgboostNative"/>, installing it on first use the way the runtime installs dynalite:
/// on a Debian-like machine as root it runs <c>apt-get install -y libxgboost0</c> (Debian 12's package is xgboost 1.7.4,
/// the version SageMaker's XGBoost 1.7-1 container runs: docker/1.7-1/base/Dockerfile.cpu, <c>XGBOOST_VERSION=1.7.4</c>);
/// elsewhere it stops with the command to run. <see cref="Version"/> is what the run records.
/// </summary>
public static class XgboostLibrary
{
    /// <summary>The xgboost version of SageMaker's built-in XGBoost 1.7-1 container.</summary>
    public const string ContainerVersion = "1.7.4";

    /// <summary>The command that installs the library on Debian or Ubuntu.</summary>
    public const string InstallCommand = "apt-get install -y libxgboost0";

    /// <summary>Sonames tried in order: Debian's runtime package ships only <c>libxgboost.so.0</c>.</summary>
    private static readonly string[] Candidates = ["libxgboost.so.0", "libxgboost.so", "libxgboost.dylib", "xgboost.dll"];

    private static readonly Lazy<IntPtr> Handle = new(LoadOrInstall, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> LazyVersion = new(ReadVersion);
    private static int _resolverSet;

    /// <summary>The loaded library's version (<c>XGBoostVersion</c>), e.g. <c>1.7.4</c>; loads or installs the library.</summary>
    public static string Version => LazyVersion.Value;

    /// <summary>A sentence to show when the loaded version is not the container's; null when they match.</summary>
    public static string? VersionWarning => Version == ContainerVersion ? null
        : $"libxgboost {Version} differs from xgboost {ContainerVersion} of SageMaker's XGBoost 1.7-1 container; offline metrics may differ from AWS's.";

    /// <summary>Makes sure the library is loaded (installing it when allowed); throws with the install command otherwise.</summary>
    public static void EnsureLoaded()
    {
        if (Interlocked.Exchange(ref _resolverSet, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(XgboostLibrary).Assembly, Resolve);
        }
        _ = Handle.Value;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == XgboostNative.Library ? Handle.Value : IntPtr.Zero;

    private static string ReadVersion()
    {
        EnsureLoaded();
        XgboostNative.XGBoostVersion(out var major, out var minor, out var patch);
        return $"{major}.{minor}.{patch}";
    }

    private static IntPtr LoadOrInstall()
    {
        OpenMpWaitPolicy.PreferPassive();
        if (TryLoad() is { } loaded) return loaded;
        if (!CanInstall(out var why))
        {
            throw new InvalidOperationException($"libxgboost (xgboost {ContainerVersion}, as in SageMaker's XGBoost 1.7-1 container) is not installed " +
                $"and the runtime cannot install it ({why}). Install it with: sudo {InstallCommand}" +
                " (Debian 12 / Ubuntu; elsewhere build xgboost 1.7.4 and put libxgboost on the library path).");
        }
        Install();
        return TryLoad() ?? throw new InvalidOperationException($"'{InstallCommand}' succeeded but libxgboost still cannot be loaded ({string.Join(", ", Candidates)}).");
    }

    private static IntPtr? TryLoad()
    {
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        }
        return null;
    }

    private static bool CanInstall(out string why)
    {
        why = "";
        if (!OperatingSystem.IsLinux() || !File.Exists("/etc/debian_version")) why = "not a Debian-like system";
        else if (!Environment.IsPrivilegedProcess) why = "not running as root";
        else if (!File.Exists("/usr/bin/apt-get")) why = "apt-get not found";
        return why.Length == 0;
    }

    private static void Install()
    {
        // A fresh container has no package lists yet: install, and on failure update the lists once and retry.
        if (Run("apt-get", "install", "-y", "libxgboost0") == 0) return;
        if (Run("apt-get", "update") == 0 && Run("apt-get", "install", "-y", "libxgboost0") == 0) return;
        throw new InvalidOperationException($"'{InstallCommand}' failed; run it yourself to see why.");
    }

    private static int Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        _ = output.Result + error.Result;
        return process.ExitCode;
    }
}
