using System.Diagnostics;
using DuckDB.NET.Data;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Bench.Contracts;

/// <summary>
/// Suite <c>contracts</c>: generates CSV of the given sizes from the churn sample (unique ids, in a temp dir), and the
/// same table as Parquet (DuckDB COPY, once per size); validates each with a 20-rule contract in one streaming pass
/// (large files in parallel chunks, one per core), then has DuckDB compute the same aggregates over the same file,
/// three runs each after a warm-up until the JIT has settled, and prints MB/s, rows/s, peak memory and the ratios of the medians. Usage: <c>contracts [--sizes 100,1000] [--no-parquet] [--serial] [--keep]</c>.
/// </summary>
internal static class ContractsBench
{
    private sealed record Figures(string Format, int Mb, long Bytes, long Rows, double Seconds, double CpuSeconds, long PeakHeap, long PeakWorkingSet, bool Passed);

    public static async Task<int> Run(string[] args)
    {
        var sizes = BenchHost.Option(args, "--sizes")?.Split(',').Select(int.Parse).ToArray() ?? [100, 1000];
        var parallelism = args.Contains("--serial") ? 1 : Environment.ProcessorCount;
        var directory = Directory.CreateTempSubdirectory("contracts-bench-").FullName;
        var sample = Path.Combine(BenchHost.RepositoryRoot(), "pipelines", "churn", "sample", "customers.csv");
        var contract = ContractLoader.Parse(BenchContract.Yaml, "bench contract");
        var results = new List<Figures>();
        try
        {
            // Warm up until tiered JIT has settled on the small files (both readers), so the measured runs are the steady
            // state, as in the ASL bench (JitWarmUp); DuckDB (native code) reads the same warm-up files as many times.
            // Parquet is validated a row group at a time, so its per-group methods are called once per group and column: the
            // warm-up file is written in groups of 2,048 rows (32 groups) so that they too reach the JIT's optimized tier.
            var warmUp = ChurnCsvGenerator.Generate(sample, Path.Combine(directory, "warm-up.csv"), 8L * 1024 * 1024);
            List<string> warmUpFiles = args.Contains("--no-parquet") ? [warmUp] : [warmUp, ToParquet(warmUp, ", ROW_GROUP_SIZE 2048")];
            var warmUpRuns = 0;
            await JitWarmUp.UntilSettled(async () =>
            {
                warmUpRuns++;
                foreach (var file in warmUpFiles) await Validate(contract, file, directory, parallelism);
            });
            for (var i = 0; i < warmUpRuns; i++) foreach (var file in warmUpFiles) RunDuckDb(file, quiet: true);

            var files = new List<(string Format, int Mb, string Path)>();
            foreach (var mb in sizes) files.Add(("csv", mb, ChurnCsvGenerator.Generate(sample, Path.Combine(directory, $"churn-{mb}mb.csv"), mb * 1024L * 1024L)));
            // Parquet after all CSV runs, so its heap does not weigh on the CSV figures.
            if (!args.Contains("--no-parquet")) files.AddRange(files.ToList().Select(f => ("parquet", f.Mb, ToParquet(f.Path))));
            // All validator runs first, then DuckDB's: DuckDB runs in this process and keeps native memory after a query,
            // which would count in the validator's working set if the runs alternated.
            var measured = new List<List<Figures>>();
            foreach (var (format, mb, path) in files)
            {
                var runs = new List<Figures>();
                for (var run = 0; run < Runs; run++) runs.Add(await Measure(contract, format, mb, path, directory, parallelism));
                measured.Add(runs);
            }
            Console.WriteLine();
            var rows = new List<(Figures Ours, (double Seconds, double CpuSeconds) Duck, List<double> WallRatios, List<double> CpuRatios)>();
            foreach (var ((_, _, path), runs) in files.Zip(measured))
            {
                var duck = Enumerable.Range(0, Runs).Select(_ => RunDuckDb(path, quiet: false)).ToList();
                var median = runs.OrderBy(f => f.Seconds).ElementAt(Runs / 2) with
                {
                    CpuSeconds = Median(runs.Select(f => f.CpuSeconds)),
                    PeakHeap = runs.Max(f => f.PeakHeap),
                    PeakWorkingSet = runs.Max(f => f.PeakWorkingSet),
                    Passed = runs.All(f => f.Passed),
                };
                results.Add(median);
                rows.Add((median, (Median(duck.Select(d => d.Seconds)), Median(duck.Select(d => d.CpuSeconds))),
                    [.. runs.Zip(duck, (o, d) => d.Seconds / o.Seconds)], [.. runs.Zip(duck, (o, d) => d.CpuSeconds / o.CpuSeconds)]));
            }
            Console.WriteLine();
            Console.WriteLine($"medians of {Runs} runs each; peaks are the largest of them; ratios per run pair the i-th runs");
            Console.WriteLine("size MB | input   | validator MB/s | rows/s     | MB/CPU-s | peak heap MB | peak WS MB | DuckDB MB/s | DuckDB MB/CPU-s | throughput ratio | CPU ratio | ratios per run (wall / CPU)");
            foreach (var (ours, duck, wallRatios, cpuRatios) in rows)
            {
                var megabytes = ours.Bytes / 1048576.0;
                var perRun = string.Join(", ", wallRatios.Zip(cpuRatios, (w, c) => $"{w:F2} / {c:F2}"));
                Console.WriteLine($"{ours.Mb,7} | {ours.Format,-7} | {megabytes / ours.Seconds,14:F1} | {ours.Rows / ours.Seconds,10:N0} | {megabytes / ours.CpuSeconds,8:F1} | {ours.PeakHeap / 1048576.0,12:F1} | {ours.PeakWorkingSet / 1048576.0,10:F1} | " +
                                  $"{megabytes / duck.Seconds,11:F1} | {megabytes / duck.CpuSeconds,15:F1} | {duck.Seconds / ours.Seconds,15:F2}x | {duck.CpuSeconds / ours.CpuSeconds,8:F2}x | {perRun}");
            }
            Console.WriteLine("(ratios: DuckDB's time / the validator's, i.e. the validator's throughput in DuckDB's; above 1 means the validator is faster. CPU-s counts every thread of the process.)");
            Console.WriteLine($"(DuckDB threads: {Environment.ProcessorCount} available cores; validator: {parallelism} chunk(s) in parallel; warm-up: {warmUpRuns} run(s) of each side on 8 MB; load average at the end: {BenchHost.LoadAverage()})");
            return results.All(r => r.Passed) ? 0 : 1;
        }
        finally
        {
            if (!args.Contains("--keep")) Directory.Delete(directory, recursive: true);
        }
    }

    private const int Runs = 3;

    private static async Task<Figures> Measure(DataContract contract, string format, int mb, string path, string directory, int parallelism)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ReleaseFreedNativeMemory();
        using var sampler = new MemorySampler();
        var bytes = new FileInfo(path).Length;
        var cpu = CpuTime.Now();
        var clock = Stopwatch.StartNew();
        var outcome = await Validate(contract, path, directory, parallelism);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = CpuTime.Now() - cpu;
        sampler.Stop();
        Console.WriteLine($"validator {mb,5} MB {format,-7}: {outcome.RowCount:N0} rows in {seconds:F2}s ({cpuSeconds:F2} CPU-s) — {bytes / 1048576.0 / seconds:F1} MB/s, {outcome.RowCount / seconds:N0} rows/s, " +
                          $"peak GC heap {sampler.PeakHeap / 1048576.0:F1} MB, peak working set {sampler.PeakWorkingSet / 1048576.0:F1} MB; {outcome.Summary}");
        return new Figures(format, mb, bytes, outcome.RowCount, seconds, cpuSeconds, sampler.PeakHeap, sampler.PeakWorkingSet, outcome.Passed);
    }

    /// <summary>
    /// DuckDB runs in this process (it wrote the Parquet files) and frees its buffers when a connection closes, but glibc
    /// keeps freed memory in its arenas, where it still counts in the working set the validator's peak is read from;
    /// <c>malloc_trim(0)</c> hands it back to the system first (https://man7.org/linux/man-pages/man3/malloc_trim.3.html).
    /// </summary>
    private static void ReleaseFreedNativeMemory()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallocTrim(0);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): the figure then includes what the allocator kept.
        }
        catch (DllNotFoundException)
        {
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static Task<ValidationOutcome> Validate(DataContract contract, string path, string directory, int parallelism)
    {
        var source = new TableSource(Path.GetFileName(path), new FileInfo(path).Length,
            _ => Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)));
        return new ContractValidator(contract).ValidateAsync([source],
            new ValidationInputs { Now = DateTimeOffset.UtcNow, TempDirectory = Path.Combine(directory, "spill"), Parallelism = parallelism, ReadAhead = parallelism > 1 });
    }

    /// <summary>The CSV file as Parquet, written once by DuckDB (its default row groups of 122,880 rows, Snappy).</summary>
    internal static string ToParquet(string csv, string options = "")
    {
        var parquet = Path.ChangeExtension(csv, ".parquet");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT * FROM {BenchContract.DuckDbSource(csv)}) TO '{parquet}' (FORMAT parquet{options})";
        command.ExecuteNonQuery();
        return parquet;
    }

    private static (double Seconds, double CpuSeconds) RunDuckDb(string path, bool quiet)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = BenchContract.DuckDbQuery(path);
        var cpu = CpuTime.Now();
        var clock = Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        reader.Read();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = CpuTime.Now() - cpu;
        if (!quiet) Console.WriteLine($"duckdb {Path.GetFileName(path)}: {seconds:F2}s ({cpuSeconds:F2} CPU-s), rows {reader.GetValue(15)}, pk violations {reader.GetValue(0)}, monthly mean {reader.GetValue(16)}, tenure median {reader.GetValue(18)}");
        return (seconds, cpuSeconds);
    }
}
