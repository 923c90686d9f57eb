using System.Reflection;
using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Pipelines.Tests.Conventions;

/// <summary>A literal that retypes a shared convention: where it is and which convention it copies.</summary>
public sealed record ConventionLiteral(string File, int Line, string Literal, string Convention)
{
    public override string ToString() => $"{File}:{Line}: \"{Literal}\" retypes {Convention}";
}

/// <summary>
/// Which string literals retype a convention of <c>src/Pipelines/Conventions</c>: a table key prefix or partition
/// suffix anywhere in a literal; a key attribute name or sort key, custom metric name, metric namespace or Lambda environment variable name as a whole literal;
/// a bucket prefix at the start of a literal or right after a <c>/</c> or an interpolation hole. The values are read
/// from the convention types themselves, so a new constant is checked without editing this list.
/// </summary>
public static partial class ConventionLiteralRules
{
    private static readonly string[] KeyPrefixes = Constants(typeof(TableKeys)).Where(c => c.Name.EndsWith("Prefix", StringComparison.Ordinal) || c.Name.EndsWith("PartitionSuffix", StringComparison.Ordinal))
        .Select(c => c.Value).Append("PROFILE#").Distinct().ToArray();

    private static readonly HashSet<string> WholeLiterals = new(
        Constants(typeof(TableKeys)).Where(c => c.Name.EndsWith("Key", StringComparison.Ordinal)).Select(c => c.Value)
            .Concat(MetricNames.All).Append(MetricNames.Namespace)
            .Concat(Constants(typeof(LambdaEnvironmentVariables)).Select(c => c.Value)),
        StringComparer.Ordinal);

    private static readonly string[] BucketPrefixes = Constants(typeof(BucketLayout)).Where(c => c.Value.EndsWith('/')).Select(c => c.Value).ToArray();

    public static IEnumerable<ConventionLiteral> Check(string file, string source)
    {
        foreach (var literal in CSharpStringLiterals.In(source))
        {
            var convention = Violation(literal.Text);
            if (convention is not null) yield return new ConventionLiteral(file, literal.Line, literal.Text, convention);
        }
    }

    /// <summary>The convention <paramref name="text"/> retypes, or null.</summary>
    public static string? Violation(string text)
    {
        if (WholeLiterals.Contains(text)) return "a table sort key, metric name or environment variable";
        foreach (var prefix in KeyPrefixes)
        {
            if (text.Contains(prefix, StringComparison.Ordinal)) return $"the table key prefix {prefix}";
        }
        foreach (var prefix in BucketPrefixes)
        {
            if (Regex.IsMatch(text, @"(^|/|\{\})" + Regex.Escape(prefix))) return $"the bucket prefix {prefix}";
        }
        return null;
    }

    private static IEnumerable<(string Name, string Value)> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));
}
