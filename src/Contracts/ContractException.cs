using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts;

/// <summary>
/// A contract that cannot be used. Thrown at synth time and by <c>validate PIPELINE</c> so a bad contract never
/// reaches a deployed Lambda. Carries every error found, each naming file, line, column and rule.
/// </summary>
public sealed class ContractException : Exception
{
    public ContractException(IReadOnlyList<ContractError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ContractError> Errors { get; }

    public string File => Errors[0].Location.File;
    public int Line => Errors[0].Location.Line;
    public int Column => Errors[0].Location.Column;
    public string? Rule => Errors[0].Rule;

    private static string Describe(IReadOnlyList<ContractError> errors) =>
        errors.Count == 1
            ? $"Invalid contract: {errors[0]}"
            : $"Invalid contract ({errors.Count} errors):{Environment.NewLine}  " +
              string.Join(Environment.NewLine + "  ", errors.Select(e => e.ToString()));

    internal static ContractException Single(SourceLocation at, string? rule, string message) =>
        new([new ContractError(at, rule, message)]);
}
