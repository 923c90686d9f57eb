using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Definition;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>Everything the engine knows about one execution; mutated under its own lock.</summary>
internal sealed class ExecutionRecord
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required StateMachineRecord Machine { get; init; }
    public required string InputText { get; init; }
    public required JsonNode? Input { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public required ExecutionHistory History { get; init; }
    public required ExecutionOptions Options { get; init; }

    public object Gate { get; } = new();
    public ExecutionStatus Status { get; set; } = ExecutionStatus.Running;
    public DateTimeOffset? StopDate { get; set; }
    public string? Output { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
    public int RedriveCount { get; set; }
    public DateTimeOffset? RedriveDate { get; set; }
    public CancellationTokenSource Stop { get; set; } = new();
    public TaskCompletionSource Completion { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The latest start (or redrive) of the execution, queued to the thread pool; a waiter may run it first.</summary>
    public PendingStart? PendingStart { get; set; }

    /// <summary>The MockConfigFile test case's answers and invocation counts, made on the first Task (null without mocks).</summary>
    public MockCalls? Mocks;

    /// <summary>The last top-level state entered, its input (as text) and variables: where a redrive resumes.</summary>
    public (string State, string InputText, VariableScope Variables)? Checkpoint { get; set; }

    /// <summary>Results of Map iterations and Parallel branches that succeeded, reused by a redrive.</summary>
    /// <remarks>Made when the first child succeeds: most executions have none, and an empty concurrent dictionary is
    /// most of a blocked execution's memory.</remarks>
    public System.Collections.Concurrent.ConcurrentDictionary<string, JsonNode?> CompletedChildren =>
        Volatile.Read(ref _completedChildren) ?? Interlocked.CompareExchange(ref _completedChildren, new(StringComparer.Ordinal), null) ?? _completedChildren!;

    /// <summary>Whether any child result is stored (without making the dictionary).</summary>
    public bool HasCompletedChildren => Volatile.Read(ref _completedChildren) is { IsEmpty: false };

    private System.Collections.Concurrent.ConcurrentDictionary<string, JsonNode?>? _completedChildren;

    public MachineSpec Definition => Machine.Spec;

    public ExecutionDescription Describe()
    {
        lock (Gate)
        {
            return new ExecutionDescription(Arn, Machine.Arn, Name, Status, StartDate, StopDate, InputText, Output, Error, Cause, RedriveCount, RedriveDate);
        }
    }
}
