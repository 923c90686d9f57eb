using System.Reflection;
using System.Text.RegularExpressions;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Handlers;

/// <summary>
/// Every Lambda handler string in WORKFLOW.md names a type Lambda can construct and a <c>Task&lt;Stream&gt; Handle(Stream)</c>
/// method, so a rename cannot silently break the deployed functions or the local runtime.
/// </summary>
public sealed partial class HandlerStringTests
{
    [GeneratedRegex(@"`(TrainingOrchestration\.Tasks)::([\w.]+)::(\w+)`")]
    private static partial Regex HandlerString();

    public static TheoryData<string, string, string> Handlers()
    {
        var data = new TheoryData<string, string, string>();
        var workflow = Repository.Root is { } root ? Path.Combine(root, "src", "StateMachine", "WORKFLOW.md") : null;
        if (workflow is null || !File.Exists(workflow)) return data;
        foreach (Match match in HandlerString().Matches(File.ReadAllText(workflow)))
        {
            data.Add(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        }
        return data;
    }

    [Fact]
    public void Workflow_md_names_the_four_task_handlers()
    {
        Assert.Equal(4, Handlers().Count());
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void A_handler_string_resolves_to_a_constructible_stream_handler(string assemblyName, string typeName, string methodName)
    {
        var assembly = Assembly.Load(assemblyName);
        var type = assembly.GetType(typeName);

        Assert.NotNull(type);
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)]);
        Assert.NotNull(method);
        Assert.Equal(typeof(Task<Stream>), method.ReturnType);
    }
}
