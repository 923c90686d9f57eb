namespace TrainingOrchestration.Bench;

/// <summary>The benchmark suites by name; each area adds its suite here in one line.</summary>
internal static class BenchSuites
{
    public static Dictionary<string, Func<string[], Task<int>>> All() => new()
    {
        ["contracts"] = Contracts.ContractsBench.Run,
        ["contracts-profile"] = Contracts.ContractsProfile.Run,
        ["asl"] = Asl.AslBench.Run,
        ["feature-job"] = Glue.FeatureJobBench.Run,
    };
}
