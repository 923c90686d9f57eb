using TrainingOrchestration.Pipelines.Sql;

namespace TrainingOrchestration.LocalRuntime.Sandbox;

/// <summary>User SQL refused before it ran; <see cref="Violation"/> says where and why.</summary>
public sealed class SandboxedSqlException(SqlViolation violation)
    : Exception($"line {violation.Line}, column {violation.Column}: {violation.Problem} {violation.Fix}")
{
    public SqlViolation Violation { get; } = violation;
}
