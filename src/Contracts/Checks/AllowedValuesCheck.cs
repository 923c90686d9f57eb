using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Non-null values must be one of the listed values, compared as the column's type (so 1 and 1.0 match a decimal).</summary>
internal sealed class AllowedValuesCheck : Check, INumberVectorCheck
{
    private readonly int column;
    private readonly FailureSamples failures;
    private readonly HashSet<double>? numbers;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> texts;
    private readonly bool isText;
    private readonly string[]? list;
    private readonly double[]? numberList;

    public AllowedValuesCheck(RuleSpec rule, int column, ColumnSpec spec, FailureSamples failures) : base(rule)
    {
        this.column = column;
        this.failures = failures;
        isText = spec.Type == ColumnType.String;
        if (isText)
        {
            texts = new HashSet<string>(rule.Values, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            if (rule.Values.Count <= 8) list = rule.Values.ToArray();
        }
        else
        {
            numbers = rule.Values.Select(v => { CellCoercion.Coerce(v, spec.Type, out var n); return n; }).ToHashSet();
            if (numbers.Count <= 8) numberList = numbers.ToArray();
        }
    }

    public override int CellColumn => column;

    /// <summary>A handful of values: comparing with each beats hashing the text.</summary>
    private bool InList(ReadOnlySpan<char> text)
    {
        foreach (var value in list!)
        {
            if (text.SequenceEqual(value)) return true;
        }
        return false;
    }

    /// <summary>The same for numbers (<see cref="double.Equals(double)"/>, as the set compares them).</summary>
    private bool InList(double number)
    {
        foreach (var value in numberList!)
        {
            if (value.Equals(number)) return true;
        }
        return false;
    }

    public override void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state != CellState.Value) return;
        if (!Allowed(number, text)) failures.Add(text.IsEmpty ? Formats.Number(number) : text);
    }

    public void ObserveNumbers(ReadOnlySpan<CellState> cells, ReadOnlySpan<double> values, ScanPosition position, long first)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] != CellState.Value || Allowed(values[i], default)) continue;
            position.Row = first + i + 1;
            failures.Add(Formats.Number(values[i]));
        }
    }

    private bool Allowed(double number, ReadOnlySpan<char> text) =>
        isText ? (list is null ? texts.Contains(text) : InList(text)) : numberList is null ? numbers!.Contains(number) : InList(number);

    public override bool PassesWithoutEffect(CellState state, double number, ReadOnlySpan<char> text) => state != CellState.Value || Allowed(number, text);

    public override RuleOutcome Complete(CompletionContext context) =>
        Outcome(failures.Count == 0, $"{failures.Count} values outside the set", $"one of [{string.Join(", ", Rule.Values)}]", failures);

    public override PartialRule Export() => Export(failures);

    public override void Absorb(PartialRule part, long rowOffset) => Absorb(failures, part, rowOffset);
}
