using Microsoft.Extensions.Logging;
using TrainingOrchestration.Tasks.Composition;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Json;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Cadence;

/// <summary>
/// Lambda <c>DecideCadence</c> (handler <c>TrainingOrchestration.Tasks::TrainingOrchestration.Tasks.Cadence.DecideCadenceFunction::Handle</c>):
/// applies the pipeline's <see cref="CadencePolicy"/> to the trigger counter and names the run a START begins.
/// Reads no storage: the counter arrives in the input, so the decision is a pure function of it and the time.
/// </summary>
public sealed class DecideCadenceFunction
{
    private readonly TaskOptions _options;
    private readonly CadencePolicy _policy;
    private readonly TextWriter _metricsOutput;
    private readonly TimeProvider _clock;
    private readonly JsonLineLogger _logger;

    public DecideCadenceFunction() : this(TaskServices.FromEnvironment()) { }

    public DecideCadenceFunction(TaskServices services) : this(services.Options, services.Output, services.Clock, services.MetricsOutput) { }

    /// <param name="metricsOutput">Where EMF lines go; <paramref name="output"/> when null.</param>
    public DecideCadenceFunction(TaskOptions options, TextWriter output, TimeProvider clock, TextWriter? metricsOutput = null)
    {
        _options = options;
        _policy = new CadencePolicy(options.Pipeline.Cadence);
        _metricsOutput = metricsOutput ?? output;
        _clock = clock;
        _logger = new JsonLineLogger(nameof(DecideCadenceFunction), output, clock) { MinimumLevel = options.LogLevel };
    }

    public async Task<Stream> Handle(Stream input)
    {
        var request = await TaskJson.ReadAsync(input, TaskJsonContext.Default.DecideCadenceRequest).ConfigureAwait(false);
        var now = request.Now ?? request.Event?.Time ?? _clock.GetUtcNow();
        TriggerCounter counter;
        try
        {
            counter = TriggerCounterReader.Read(request.Counter);
        }
        catch (FormatException e)
        {
            throw new TaskInputException(e.Message, e);
        }

        var pipeline = _options.PipelineName;
        var decision = _policy.Decide(counter, now);
        var response = new DecideCadenceResponse
        {
            Decision = decision.Decision,
            Reason = decision.Reason,
            ReasonCode = decision.ReasonCode,
            RunId = RunIdentity.RunId(pipeline, counter.Generation, now),
            ExecutionName = RunIdentity.ExecutionName(pipeline, counter.Generation),
            Window = new CadenceWindow
            {
                Generation = counter.Generation,
                PendingChanges = counter.PendingChanges,
                FirstPendingAt = counter.FirstPendingAt,
                LastRunStartedAt = counter.LastRunStartedAt,
                DecidedAt = now,
                NextEligibleAt = decision.NextEligibleAt,
            },
        };

        new EmfMetrics(_options.MetricsNamespace, _metricsOutput, _clock)
            .WithDimension(MetricNames.PipelineDimension, pipeline)
            .WithDimension(MetricNames.DecisionDimension, decision.Decision)
            .WithDimension(MetricNames.ReasonDimension, decision.ReasonCode)
            .WithProperty(MetricNames.EventIdProperty, request.Event?.Id ?? "")
            .Put(MetricNames.TriggerDecisions, 1, MetricUnit.Count)
            .Flush();
        _logger.LogInformation("Cadence {Decision} ({ReasonCode}) for {Pipeline} generation {Generation} on {EventId}: {Reason}",
            decision.Decision, decision.ReasonCode, pipeline, counter.Generation, request.Event?.Id, decision.Reason);
        return await TaskJson.WriteAsync(response, TaskJsonContext.Default.DecideCadenceResponse).ConfigureAwait(false);
    }
}
