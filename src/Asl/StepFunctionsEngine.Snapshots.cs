using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl;

/// <summary>Exporting a closed execution and importing it into another engine, so it can be redriven there.</summary>
public sealed partial class StepFunctionsEngine
{
    /// <summary>The execution as a snapshot; only closed executions of Standard state machines can be exported.</summary>
    public ExecutionSnapshot ExportExecution(string executionArn)
    {
        var record = FindExecution(executionArn);
        lock (record.Gate)
        {
            if (record.Status == ExecutionStatus.Running || record.Machine.Type != StateMachineType.Standard)
                throw new StepFunctionsApiException("ValidationException", $"Only closed executions of Standard state machines can be exported; '{executionArn}' is {record.Describe().StatusName}.");
            var checkpoint = record.Checkpoint;
            return new ExecutionSnapshot(record.Describe(), record.History.Snapshot(), checkpoint?.State, checkpoint is { } c ? JsonKit.Parse(c.InputText) : null,
                checkpoint?.Variables.OwnValues() ?? []);
        }
    }

    /// <summary>
    /// Registers an exported execution with its ARN, status, history and redrive checkpoint under the state machine of the
    /// same name, which must already exist here (deployed from the same template). Returns the execution ARN.
    /// </summary>
    public string ImportExecution(ExecutionSnapshot snapshot)
    {
        var d = snapshot.Description;
        lock (_gate)
        {
            var machine = FindMachine(d.StateMachineArn);
            if (_executions.ContainsKey(d.ExecutionArn))
                throw new StepFunctionsApiException("ExecutionAlreadyExists", $"Execution Already Exists: '{d.ExecutionArn}'");
            var history = new ExecutionHistory(_clock);
            history.Restore(snapshot.History);
            var record = new ExecutionRecord
            {
                Arn = d.ExecutionArn,
                Name = d.Name,
                Machine = machine,
                InputText = d.Input,
                Input = JsonKit.Parse(d.Input),
                StartDate = d.StartDate,
                History = history,
                Options = new ExecutionOptions(),
                Status = d.Status,
                StopDate = d.StopDate,
                Output = d.Output,
                Error = d.Error,
                Cause = d.Cause,
                RedriveCount = d.RedriveCount,
                RedriveDate = d.RedriveDate,
            };
            if (snapshot.CheckpointState is { } state)
            {
                var variables = new VariableScope(null);
                foreach (var (name, value) in snapshot.CheckpointVariables) variables.Set(name, value?.DeepClone());
                record.Checkpoint = (state, JsonKit.Serialize(snapshot.CheckpointInput), variables);
            }
            record.Completion.TrySetResult();
            _executions[d.ExecutionArn] = record;
            FailAtHistoryLimit(record);
        }
        return d.ExecutionArn;
    }
}
