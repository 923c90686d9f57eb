namespace TrainingOrchestration.Pipelines.Tests;

/// <summary>Loads a folder that must fail and returns the errors, for assertions on what each one names.</summary>
public static class LoadFailure
{
    public static IReadOnlyList<SpecError> Of(PipelineFolder folder)
    {
        var exception = Assert.Throws<PipelineSpecException>(() => PipelineSpecLoader.Load(folder.Path));
        Assert.NotEmpty(exception.Errors);
        foreach (var error in exception.Errors) Assert.Contains(error.ToString(), exception.Message);
        return exception.Errors;
    }

    /// <summary>The single error on <paramref name="field"/>; fails when there is none.</summary>
    public static SpecError On(this IReadOnlyList<SpecError> errors, string field) =>
        errors.SingleOrDefault(e => e.Field == field)
        ?? throw new Xunit.Sdk.XunitException($"no error on '{field}'; got:\n{string.Join("\n", errors)}");

    /// <summary>1-based line of the first line containing <paramref name="text"/> in the spec file.</summary>
    public static int LineOf(PipelineFolder folder, string text) =>
        Array.FindIndex(File.ReadAllLines(folder.SpecFile), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
