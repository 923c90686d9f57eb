using System.Diagnostics;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Tasks.Composition;
using TrainingOrchestration.Tasks.Json;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>
/// Lambda <c>ValidateFeatures</c> (handler <c>TrainingOrchestration.Tasks::TrainingOrchestration.Tasks.Validation.ValidateFeaturesFunction::Handle</c>):
/// enforces the pipeline's contract on the feature table and returns <c>{passed, summary, rules[], rowCount}</c>.
/// A failed rule is a result (the workflow's Choice routes it); only a broken input or store is an exception.
/// The contract is the YAML text in <c>PIPELINE_CONFIG</c>, parsed once per container.
/// </summary>
public sealed class ValidateFeaturesFunction
{
    private readonly IObjectStore _store;
    private readonly IValidationLedger _ledger;
    private readonly DataContract _contract;
    private readonly string _bucket;
    private readonly string _metricsNamespace;
    private readonly TextWriter _output;
    private readonly TextWriter _metricsOutput;
    private readonly TimeProvider _clock;

    public ValidateFeaturesFunction() : this(TaskServices.FromEnvironment()) { }

    public ValidateFeaturesFunction(TaskServices services)
        : this(services.ObjectStore, new DynamoDbValidationLedger(services.DynamoDb, services.Options.TableName),
            LoadContract(services), services.Options.BucketName, services.Options.MetricsNamespace, services.Output, services.Clock, services.MetricsOutput)
    {
    }

    public ValidateFeaturesFunction(IObjectStore store, IValidationLedger ledger, DataContract contract, string bucket,
        string metricsNamespace, TextWriter output, TimeProvider clock, TextWriter? metricsOutput = null)
    {
        _store = store;
        _ledger = ledger;
        _contract = contract;
        _bucket = bucket;
        _metricsNamespace = metricsNamespace;
        _output = output;
        _metricsOutput = metricsOutput ?? output;
        _clock = clock;
    }

    public async Task<Stream> Handle(Stream input)
    {
        var request = await TaskJson.ReadAsync(input, ValidationJsonContext.Default.ValidateFeaturesRequest).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var logger = new JsonLineLogger(nameof(ValidateFeaturesFunction), _output, _clock);
        var validation = new FeatureTableValidation(_store, _ledger, _contract, _clock, logger);
        var outcome = await validation.ValidateAsync(request, request.Bucket ?? _bucket).ConfigureAwait(false);
        ValidationMetrics.Emit(outcome, request.Pipeline, request.RunId, clock.Elapsed.TotalMilliseconds,
            () => new EmfMetrics(_metricsNamespace, _metricsOutput, _clock));
        var response = new ValidateFeaturesResponse
        {
            Passed = outcome.Passed,
            Summary = outcome.Summary,
            Rules = outcome.Rules,
            RowCount = outcome.RowCount,
            ContractVersion = outcome.ContractVersion,
        };
        return await TaskJson.WriteAsync(response, ValidationJsonContext.Default.ValidateFeaturesResponse).ConfigureAwait(false);
    }

    /// <summary>The contract text from PIPELINE_CONFIG, else the contract file it names (local runs from the repo).</summary>
    internal static DataContract LoadContract(TaskServices services)
    {
        var spec = services.Options.Pipeline;
        return string.IsNullOrWhiteSpace(spec.ContractYaml)
            ? ContractLoader.Load(spec.ContractFile)
            : ContractLoader.Parse(spec.ContractYaml, $"PIPELINE_CONFIG ({spec.Name}/contract.yaml)");
    }
}
