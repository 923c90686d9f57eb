namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>A template the local runtime cannot load; <see cref="Path"/> names the property (e.g. <c>Resources.Fn.Properties.Role</c>).</summary>
public sealed class TemplateException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
