using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Bench.Contracts;

/// <summary>
/// Suite <c>contracts-profile</c>: where a validation's CPU goes, by peeling layers off the same file: CSV parsing
/// alone, parsing plus coercion of every cell, the contract with its types only, all rules but the primary key, and
/// the full 20-rule contract. Prints CPU-seconds (all threads) and bytes allocated per layer. Usage:
/// <c>contracts-profile [--mb 100] [--keys N] [--parquet] [--serial] [--read-ahead]</c> (<c>--keys</c>: keys the uniqueness check holds
/// before it spills, default 500,000; <c>--parquet</c>: the same table written as Parquet by DuckDB, layers read by the page decoder
/// and by Parquet.Net; <c>--serial</c>: CSV on one core instead of in parallel chunks, <c>--read-ahead</c> with parsing on a second
/// thread). The last CSV layer is the full contract validated row by row, the path before batches a column at a time.
/// <c>--file PATH [--allocations]</c>: the full contract over an existing file (with the sampled allocations by type).
/// <c>--make DIR</c> only writes the table (CSV and Parquet) into DIR and prints their paths, for <c>--file</c> and <c>perf</c>.
/// </summary>
internal static class ContractsProfile
{
    public static async Task<int> Run(string[] args)
    {
        var mb = Option(args, "--mb") ?? 100;
        keysInMemory = Option(args, "--keys") ?? new ValidationInputs { Now = default }.UniqueKeysInMemory;
        parallelism = args.Contains("--serial") ? 1 : Environment.ProcessorCount;
        readAhead = args.Contains("--read-ahead");
        var directory = Directory.CreateTempSubdirectory("contracts-profile-").FullName;
        try
        {
            var file = BenchHost.Option(args, "--file");
            if (file is not null) return await RunFile(file, directory);
            var sample = Path.Combine(BenchHost.RepositoryRoot(), "pipelines", "churn", "sample", "customers.csv");
            if (BenchHost.Option(args, "--make") is { } make)
            {
                var csv = ChurnCsvGenerator.Generate(sample, Path.Combine(make, $"churn-{mb}mb.csv"), mb * 1024L * 1024L);
                Console.WriteLine($"{csv}\n{ContractsBench.ToParquet(csv)}");
                return 0;
            }
            var path = ChurnCsvGenerator.Generate(sample, Path.Combine(directory, "churn.csv"), mb * 1024L * 1024L);
            var full = ContractLoader.Parse(BenchContract.Yaml, "bench contract");
            var typesOnly = full with { Rules = [] };
            var noKey = full with { Rules = full.Rules.Where(r => r.Check != CheckKind.PrimaryKey).ToList() };
            if (args.Contains("--parquet")) return await RunParquet(path, full, typesOnly, noKey, directory, mb);
            await Validate(full, path, directory); // warm-up, of both CSV paths (the row-by-row one also reads cell by cell as the first layers do)
            await Validate(full, path, directory, columnAtATime: false);
            Console.WriteLine($"{mb} MB, CPU-seconds (all threads), best of 2 ({(parallelism > 1 ? $"{parallelism} chunks in parallel" : "serial")}{(readAhead ? ", read-ahead" : "")}):");
            await Layer("parse only", () => Parse(path, full, coerce: false));
            await Layer("parse + coerce every cell", () => Parse(path, full, coerce: true));
            await Layer("contract, types only", () => Validate(typesOnly, path, directory));
            await Layer("all rules but primary_key", () => Validate(noKey, path, directory));
            await Layer("full 20-rule contract", () => Validate(full, path, directory));
            await Layer("full, row by row", () => Validate(full, path, directory, columnAtATime: false));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int keysInMemory;
    private static int parallelism;
    private static bool readAhead;

    private static async Task<int> RunParquet(string csv, DataContract full, DataContract typesOnly, DataContract noKey, string directory, int mb)
    {
        var path = ContractsBench.ToParquet(csv);
        await Validate(full, path, directory); // warm-up
        Console.WriteLine($"{mb} MB of CSV as Parquet ({new FileInfo(path).Length / 1048576.0:F1} MB), CPU-seconds (all threads), best of 2:");
        await Layer("read every cell (decoder)", () => Read(path, full, decoder: true));
        await Layer("read every cell (Parquet.Net)", () => Read(path, full, decoder: false));
        await Layer("contract, types only", () => Validate(typesOnly, path, directory));
        await Layer("all rules but primary_key", () => Validate(noKey, path, directory));
        await Layer("full 20-rule contract", () => Validate(full, path, directory));
        await Layer("full, Parquet.Net reader", () => Validate(full, path, directory, decoder: false));
        return 0;
    }

    /// <summary><c>--file PATH</c>: the full contract over an existing CSV or Parquet file, three times (for a sampling profiler).</summary>
    private static async Task<int> RunFile(string path, string directory)
    {
        var full = ContractLoader.Parse(BenchContract.Yaml, "bench contract");
        Console.WriteLine($"{path}, CPU-seconds (all threads), best of 2:");
        await Validate(full, path, directory); // warm-up
        GC.Collect();
        if (Environment.GetCommandLineArgs().Contains("--allocations"))
        {
            using var allocations = new AllocationSampler();
            await Validate(full, path, directory);
            Console.WriteLine("  allocated (sampled) by type:");
            allocations.Print();
            GC.Collect();
        }
        using (var sampler = new MemorySampler())
        {
            await Validate(full, path, directory);
            sampler.Stop();
            Console.WriteLine($"  peak GC heap {sampler.PeakHeap / 1048576.0:F1} MB, peak working set {sampler.PeakWorkingSet / 1048576.0:F1} MB");
        }
        await Layer("full 20-rule contract", () => Validate(full, path, directory));
        return 0;
    }

    private static async Task Read(string path, DataContract contract, bool decoder)
    {
        await using var reader = await ParquetTableReader.OpenAsync(File.OpenRead(path), pageDecoder: decoder);
        var types = contract.Columns.Select(c => c.Type).ToArray();
        double sink = 0;
        while (await reader.ReadAsync())
        {
            for (var c = 0; c < types.Length; c++)
            {
                reader.Read(c, types[c], out var number, out var text);
                sink += number is double.NaN ? text.Length : 1;
            }
        }
        GC.KeepAlive(sink);
    }

    private static int? Option(string[] args, string name) => BenchHost.Option(args, name) is { } value ? int.Parse(value) : null;

    private static async Task Layer(string name, Func<Task> run)
    {
        var best = double.MaxValue;
        long allocated = 0;
        for (var i = 0; i < 2; i++)
        {
            var cpu = CpuTime.Now();
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            await run();
            best = Math.Min(best, CpuTime.Now() - cpu);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        }
        Console.WriteLine($"  {name,-28} {best,6:F2} CPU-s, {allocated / 1048576.0,8:F1} MB allocated");
    }

    private static async Task Parse(string path, DataContract contract, bool coerce)
    {
        await using var reader = CsvTableReader.Open(File.OpenRead(path), [], readAhead: false);
        var types = contract.Columns.Select(c => c.Type).ToArray();
        double sink = 0;
        while (await reader.ReadAsync())
        {
            if (!coerce) { sink += reader.RawText(0).Length; continue; }
            for (var c = 0; c < types.Length; c++)
            {
                reader.Read(c, types[c], out var number, out _);
                sink += number is double.NaN ? 0 : 1;
            }
        }
        GC.KeepAlive(sink);
    }

    private static Task<ValidationOutcome> Validate(DataContract contract, string path, string directory, bool decoder = true, bool columnAtATime = true) =>
        new ContractValidator(contract).ValidateAsync(
            [new TableSource(Path.GetFileName(path), new FileInfo(path).Length, _ => Task.FromResult<Stream>(File.OpenRead(path)))],
            new ValidationInputs
            {
                Now = DateTimeOffset.UtcNow, TempDirectory = Path.Combine(directory, "spill"), ReadAhead = readAhead, Parallelism = parallelism,
                UniqueKeysInMemory = keysInMemory, ParquetPageDecoder = decoder, CsvColumnAtATime = columnAtATime,
            });
}
