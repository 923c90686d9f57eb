using TrainingOrchestration.Infra;

namespace TrainingOrchestration.Cli.Commands.Synth;

/// <summary>
/// Synthesizes the CDK app in process (no aws-cdk CLI): one <c>&lt;Stack&gt;.template.json</c> per pipeline in the
/// output directory, next to the cloud assembly's manifest and assets, which <c>cdk deploy --app DIR</c> accepts.
/// </summary>
public static class TemplateSynthesizer
{
    /// <summary>Returns the full paths of the templates written, one per stack, ordered by stack name.</summary>
    public static IReadOnlyList<string> Synthesize(InfraAppOptions options)
    {
        // jsii warns on stderr about Node versions it has not been tested with; the warning is noise here.
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        Directory.CreateDirectory(options.OutDir);
        var assembly = InfraApp.Build(options).Synth();
        return assembly.Stacks
            .OrderBy(stack => stack.StackName, StringComparer.Ordinal)
            .Select(stack => Path.GetFullPath(Path.Combine(assembly.Directory, stack.TemplateFile)))
            .ToList();
    }
}
