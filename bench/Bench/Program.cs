using TrainingOrchestration.Bench;

// Usage: dotnet run -c Release --project bench/Bench -- <suite> [options]; each suite prints its figures.
var suites = BenchSuites.All();
if (args.Length == 0 || !suites.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: bench <{string.Join('|', suites.Keys)}> [options]");
    return 2;
}
return await run(args[1..]);
