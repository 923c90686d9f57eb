using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Tasks.Composition;
using TrainingOrchestration.Tasks.Json;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>
/// Lambda <c>ValidatePart</c> (handler <c>TrainingOrchestration.Tasks::TrainingOrchestration.Tasks.Validation.ValidatePartFunction::Handle</c>):
/// one item of the <c>ValidateFeatureParts</c> Distributed Map. Validates one part file of the feature table against
/// the contract and writes its mergeable result to S3; <see cref="ValidateFeaturesFunction"/> merges the parts into the
/// run's outcome. A table of any size is validated this way within Lambda's memory and time, a part per function.
/// </summary>
public sealed class ValidatePartFunction
{
    private readonly IObjectStore _store;
    private readonly IValidationLedger _ledger;
    private readonly DataContract _contract;
    private readonly string _bucket;
    private readonly TextWriter _output;
    private readonly TimeProvider _clock;

    public ValidatePartFunction() : this(TaskServices.FromEnvironment()) { }

    public ValidatePartFunction(TaskServices services)
        : this(services.ObjectStore, new DynamoDbValidationLedger(services.DynamoDb, services.Options.TableName),
            ValidateFeaturesFunction.LoadContract(services), services.Options.BucketName, services.Output, services.Clock)
    {
    }

    public ValidatePartFunction(IObjectStore store, IValidationLedger ledger, DataContract contract, string bucket, TextWriter output, TimeProvider clock)
    {
        _store = store;
        _ledger = ledger;
        _contract = contract;
        _bucket = bucket;
        _output = output;
        _clock = clock;
    }

    public async Task<Stream> Handle(Stream input)
    {
        var request = await TaskJson.ReadAsync(input, ValidationJsonContext.Default.ValidatePartRequest).ConfigureAwait(false);
        var logger = new JsonLineLogger(nameof(ValidatePartFunction), _output, _clock);
        var response = await new FeatureTableValidation(_store, _ledger, _contract, _clock, logger)
            .ValidatePartAsync(request, request.Bucket ?? _bucket).ConfigureAwait(false);
        return await TaskJson.WriteAsync(response, ValidationJsonContext.Default.ValidatePartResponse).ConfigureAwait(false);
    }
}
