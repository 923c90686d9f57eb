using DuckDB.NET.Data;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Loading;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// Everything <c>synth</c> and <c>run</c> depend on, checked before either starts, so <c>validate</c>, <c>synth</c> and
/// <c>run</c> refuse the same pipelines with the same messages: the spec (loaded by the caller), the contract, the
/// contract against the SQL's output over the sample, the key and label in that output, the label's values for the
/// objective, and the sample event against the source table and CDC kind.
/// </summary>
internal static class PipelineChecks
{
    public static IReadOnlyList<string> Check(PipelineSpec spec)
    {
        var findings = new List<string>();
        Contracts.Model.DataContract? contract = null;
        try
        {
            contract = ContractLoader.Load(spec.ContractFile);
        }
        catch (ContractException e)
        {
            findings.AddRange(e.Errors.Select(error => error.ToString()));
        }
        if (contract is not null) findings.AddRange(LabelClassCheck.Check(spec, contract).Select(f => f.ToString()));
        if (spec.SampleDataFile is not null)
        {
            var dialect = contract?.Csv ?? CsvDialect.Default;
            if (CsvFileCheck.Problem(spec.SampleDataFile, dialect, header: true) is { } problem)
            {
                findings.Add(At(spec, "sample.data", $"{spec.SampleDataFile}: {problem}.",
                    $"Fix the file, or declare how it is written in {Path.GetFileName(spec.ContractFile)} (csv: delimiter, quote).").ToString());
            }
            else
            {
                findings.AddRange(CheckSqlOverSample(spec, contract, dialect));
            }
        }
        if (spec.SampleEventFile is not null) findings.AddRange(SampleEventCheck.Check(spec).Select(f => f.ToString()));
        return findings;
    }

    /// <summary>Writes the findings and says whether the pipeline must be refused (how <c>synth</c> and <c>run</c> use the checks).</summary>
    public static bool Refuse(PipelineSpec spec, TextWriter error)
    {
        var findings = Check(spec);
        foreach (var finding in findings) error.WriteLine(finding);
        return findings.Count > 0;
    }

    private static IEnumerable<string> CheckSqlOverSample(PipelineSpec spec, Contracts.Model.DataContract? contract, CsvDialect dialect)
    {
        IReadOnlyList<(string Name, string SqlType)> produced;
        try
        {
            produced = FeatureSqlSchema.Describe(spec.Features.SqlFile, spec.SampleDataFile!, dialect);
        }
        catch (DuckDBException e)
        {
            return [SqlError(spec.Features.SqlFile, e).ToString()];
        }
        var findings = new List<string>();
        if (contract is not null) findings.AddRange(SchemaAgreement.Check(contract, produced, FeatureSqlSchema.AddedByJob).Select(e => e.ToString()));
        var names = produced.Select(c => c.Name).ToList();
        foreach (var (field, column) in new[] { ("features.entityKey", spec.Features.EntityKey), ("features.label", spec.Features.Label) })
        {
            if (names.Contains(column, StringComparer.Ordinal)) continue;
            findings.Add(At(spec, field, $"features.sql does not output a column '{column}' (it outputs {string.Join(", ", names)}).",
                "Select the column in features.sql, or name the column the SQL does output here.").ToString());
        }
        if (findings.Count == 0) findings.AddRange(LabelValueCheck.Check(spec, dialect).Select(f => f.ToString()));
        return findings;
    }

    public static Finding At(PipelineSpec spec, string field, string problem, string fix)
    {
        var file = Path.Combine(spec.Directory, PipelineSpecLoader.FileName);
        var (line, column) = SpecFieldLocator.Locate(file, field);
        return new Finding(file, line, column, field, problem, fix);
    }

    /// <summary>A DuckDB error located in the SQL file: DuckDB names the line as "LINE n:" for parser errors.</summary>
    public static Finding SqlError(string sqlFile, DuckDBException e)
    {
        var message = e.Message.Split('\n')[0];
        var match = System.Text.RegularExpressions.Regex.Match(e.Message, @"LINE (\d+):");
        // The SQL is run as "DESCRIBE <sql>" or wrapped in a SELECT on one line, so DuckDB's line numbers are the file's.
        var line = match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        return new Finding(sqlFile, line, 1, "features.sql", $"DuckDB cannot run the feature SQL over the sample: {message}",
            "Fix the SQL (it must run on both Spark SQL and DuckDB; see the pipeline's features.sql header).");
    }
}
