using System.Diagnostics;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.Bench.Asl;

/// <summary>
/// <c>bench asl [--items N] [--executions N] [--idle N] [--no-node]</c>: state transitions per second for a 10,000-item
/// Map (Choice + two Pass per item) and for a 50-step chain of mocked Tasks with Retry and Catch, each next to
/// aws-local-stepfunctions 3.0.0 on the same definitions and inputs (<see cref="NodeEngineBench"/>); memory per
/// running (blocked) execution. Transitions are counted from the history's *StateEntered events.
/// </summary>
internal static class AslBench
{
    public static async Task<int> Run(string[] args)
    {
        var items = Option(args, "--items", 10_000);
        var executions = Option(args, "--executions", 200);
        var idle = Option(args, "--idle", 2_000);
        const int steps = 50;
        Console.WriteLine($"asl bench: map items={items}, chain executions={executions}, idle executions={idle}");
        var reason = "--no-node was given";
        var node = args.Contains("--no-node") ? null : NodeEngineBench.TryInstall(out reason);
        if (node is null) Console.WriteLine($"{NodeEngineBench.Package} not measured: {reason}; our figures only.");
        else Console.WriteLine($"compared with {NodeEngineBench.Package} on Node {NodeVersion()} (same definitions and inputs, measured in this run; median of 3)");

        // Warm up until tiered JIT has optimized the hot paths, so the figures are steady-state (JitWarmUp); the Node side
        // warms up for as long (and at least three runs), so V8 has optimized its hot paths too.
        for (var i = 0; i < 2; i++) await MapBench(items, warmup: true, new Cost());
        var mapWarmup = await JitWarmUp.UntilSettled(() => MapBench(items, warmup: false, new Cost()));
        var map = new List<double>();
        var mapCost = new Cost();
        for (var i = 0; i < 3; i++) map.Add(await MapBench(items, warmup: false, mapCost));
        Report($"(a) Map over {items} items (Choice + 2 Pass each; {AslBenchDefinitions.MapItemsPerExecution:N0} items per execution)", map, mapCost,
            node?.Measure("map", items, 0, steps, 3, mapWarmup));

        var sequentialWarmup = await JitWarmUp.UntilSettled(() => ChainBench(executions / 4, concurrent: false, new Cost()));
        var sequential = new List<double>();
        var sequentialCost = new Cost();
        for (var i = 0; i < 3; i++) sequential.Add(await ChainBench(executions / 4, concurrent: false, sequentialCost));
        Report($"(b) {steps}-step chain of mocked Tasks with Retry and Catch, one execution at a time ({executions / 4})", sequential, sequentialCost,
            node?.Measure("sequential", items, executions / 4, steps, 3, sequentialWarmup));
        var chainWarmup = await JitWarmUp.UntilSettled(() => ChainBench(executions, concurrent: true, new Cost()));
        var chain = new List<double>();
        var chainCost = new Cost();
        for (var i = 0; i < 3; i++) chain.Add(await ChainBench(executions, concurrent: true, chainCost));
        Report($"    same chain, {executions} executions at once (virtual time advances only when all are blocked)", chain, chainCost,
            node?.Measure("concurrent", items, executions, steps, 3, chainWarmup));

        var perExecution = await MemoryPerExecution(idle);
        Console.WriteLine($"(c) memory per running execution (blocked in a Wait, {idle} executions): {perExecution / 1024.0:N1} KiB");
        return 0;
    }

    private static void Report(string what, List<double> ours, Cost cost, double? theirs)
    {
        Console.WriteLine($"{what}: best {ours.Max():N0} transitions/s, median {Median(ours):N0}");
        Console.WriteLine($"    per transition: {cost.CpuMicroseconds:N1} us CPU, {cost.AllocatedBytes:N0} bytes allocated; GC pauses {cost.PauseShare:P0} of the wall time");
        if (theirs is { } other)
            Console.WriteLine($"    aws-local-stepfunctions: median {other:N0} transitions/s; ours/theirs = {Median(ours) / other:N1}x");
    }

    private static string NodeVersion()
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
            return process.StandardOutput.ReadToEnd().Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    /// <summary>
    /// The items run through the Map in executions of at most <see cref="AslBenchDefinitions.MapItemsPerExecution"/>
    /// items, one after the other: a single execution's history stops at Step Functions' 25,000-event quota.
    /// </summary>
    private static async Task<double> MapBench(int items, bool warmup, Cost cost)
    {
        var engine = new StepFunctionsEngine(new VirtualClock());
        var machine = engine.CreateStateMachine("Map", AslBenchDefinitions.WideMap);
        var inputs = AslBenchDefinitions.MapInputs(warmup ? 1000 : items);
        var arns = new List<string>(inputs.Count);
        var probe = cost.Start();
        var watch = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            var started = engine.StartExecution(machine, null, input);
            var done = await engine.WaitForCompletionAsync(started.ExecutionArn);
            if (done.Status != ExecutionStatus.Succeeded) throw new InvalidOperationException($"Map bench failed: {done.Error} {done.Cause}");
            arns.Add(started.ExecutionArn);
        }
        watch.Stop();
        var end = cost.Start();
        var transitions = arns.Sum(arn => Transitions(engine, arn));
        cost.Add(probe, end, watch.Elapsed, transitions);
        return transitions / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> ChainBench(int executions, bool concurrent, Cost cost)
    {
        var engine = new StepFunctionsEngine(new VirtualClock());
        var machine = engine.CreateStateMachine("Chain", AslBenchDefinitions.TaskChain(50));
        var options = new ExecutionOptions(MockConfig.Parse(AslBenchDefinitions.ChainMocks(50)), "Bench");
        var probe = cost.Start();
        var watch = Stopwatch.StartNew();
        var arns = new List<string>(executions);
        for (var i = 0; i < executions; i++)
        {
            arns.Add(engine.StartExecution(machine, null, "{\"seed\":1}", options).ExecutionArn);
            if (!concurrent) await engine.WaitForCompletionAsync(arns[^1]);
        }
        long transitions = 0;
        foreach (var arn in arns)
        {
            var done = await engine.WaitForCompletionAsync(arn);
            if (done.Status != ExecutionStatus.Succeeded) throw new InvalidOperationException($"Chain bench failed: {done.Error} {done.Cause}");
        }
        watch.Stop();
        var end = cost.Start();
        foreach (var arn in arns) transitions += Transitions(engine, arn);
        cost.Add(probe, end, watch.Elapsed, transitions);
        return transitions / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> MemoryPerExecution(int count)
    {
        var clock = new VirtualClock();
        var engine = new StepFunctionsEngine(clock);
        var machine = engine.CreateStateMachine("Idle",
            """{"StartAt":"Prepare","States":{"Prepare":{"Type":"Pass","Result":{"ready":true},"ResultPath":"$.prep","Next":"Wait"},"Wait":{"Type":"Wait","Seconds":3600,"End":true}}}""");
        using var hold = clock.Hold();
        var arns = new List<string>(2 * count);
        // Measure the growth from N to 2N blocked executions, so fixed costs (JIT, engine, pools) cancel out.
        await StartBlocked(engine, machine, arns, count);
        var before = Settle();
        await StartBlocked(engine, machine, arns, count);
        var after = Settle();
        GC.KeepAlive(engine);
        GC.KeepAlive(arns);
        return (after - before) / (double)count;
    }

    private static async Task StartBlocked(StepFunctionsEngine engine, string machine, List<string> arns, int count)
    {
        var first = arns.Count;
        for (var i = 0; i < count; i++) arns.Add(engine.StartExecution(machine, null, "{\"customer\":\"c-" + (first + i) + "\"}").ExecutionArn);
        foreach (var arn in arns.Skip(first))
        {
            while (engine.GetExecutionHistory(arn).All(e => e.Type != "WaitStateEntered")) await Task.Delay(1);
        }
        await Task.Delay(50);
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long Transitions(StepFunctionsEngine engine, string arn) =>
        engine.GetExecutionHistory(arn).Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal));

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int Option(string[] args, string name, int fallback) => int.TryParse(BenchHost.Option(args, name), out var value) ? value : fallback;
}
