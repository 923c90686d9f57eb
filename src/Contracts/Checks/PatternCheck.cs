using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Non-null values must match the regular expression (anchor it with ^...$ to match the whole value). A pattern that
/// backtracks for longer than <see cref="MatchTimeout"/> on one value fails the rule with "timed out at row N" (a
/// result, not an exception), and the rest of the column is not matched, so one bad pattern cannot stall the pass.
/// </summary>
internal sealed class PatternCheck(RuleSpec rule, int column, FailureSamples failures) : Check(rule)
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// One compiled Regex per pattern for the process (matching is thread-safe): compiling emits and JITs a method, which
    /// each validation, each parallel chunk and each warm Lambda invocation would otherwise pay again.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    private readonly Regex regex = Compiled.GetOrAdd(rule.Pattern!, pattern => new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout));
    private (string? File, long Row)? timedOutAt;

    public override int CellColumn => column;

    public override void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state != CellState.Value || timedOutAt is not null) return;
        try
        {
            if (!regex.IsMatch(text)) failures.Add(text);
        }
        catch (RegexMatchTimeoutException)
        {
            timedOutAt = failures.Current;
            failures.Add(text);
        }
    }

    /// <summary>
    /// A value that matches (or any cell once the rule has timed out) changes nothing, so a dictionary-encoded column's
    /// scan matches each distinct value once per row group. A value that does not match, or whose match times out here,
    /// is observed at each of its rows, as before.
    /// </summary>
    public override bool PassesWithoutEffect(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state != CellState.Value || timedOutAt is not null) return true;
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override RuleOutcome Complete(CompletionContext context)
    {
        if (timedOutAt is not { } at)
            return Outcome(failures.Count == 0, $"{failures.Count} values not matching", $"matches {Rule.Pattern}", failures);
        var where = at.File is null ? $"row {at.Row}" : $"row {at.Row} of {at.File}";
        return Outcome(false, $"timed out at {where}", $"matches {Rule.Pattern}", failures,
            $"the pattern took longer than {MatchTimeout.TotalSeconds:0}s on one value, so the rest of the column was not checked; simplify it (avoid nested quantifiers such as (a+)+).");
    }

    // A chunk scanned in parallel carries its failures and where it timed out, so the merged outcome keeps the note.
    public override PartialRule Export() =>
        Export(failures) with { TimedOutAt = timedOutAt is { } at ? new FailingRow(at.File, at.Row, "") : null };

    public override void Absorb(PartialRule part, long rowOffset)
    {
        Absorb(failures, part, rowOffset);
        if (timedOutAt is null && part.TimedOutAt is { } at) timedOutAt = (at.File, at.Row + rowOffset);
    }
}
