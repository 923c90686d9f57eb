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
        // jsii prints a banner on stderr for Node versions it deprecates or considers past end-of-life (Node 20 since
        // 2026-04-30); synthesis works on them (checked in CI on Node 20), so the banner is noise to a user. The
        // end-of-life variable takes a list of major versions (jsii-runtime's checkNode, @jsii/check-node).
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20,21");
        Directory.CreateDirectory(options.OutDir);
        var assembly = InfraApp.Build(options).Synth();
        return assembly.Stacks
            .OrderBy(stack => stack.StackName, StringComparer.Ordinal)
            .Select(stack => Path.GetFullPath(Path.Combine(assembly.Directory, stack.TemplateFile)))
            .ToList();
    }
}
