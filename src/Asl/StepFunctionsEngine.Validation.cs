using System.Text.RegularExpressions;
using TrainingOrchestration.Asl.Definition;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl;

/// <summary>Names and resources AWS would refuse.</summary>
public sealed partial class StepFunctionsEngine
{
    private static void ValidateName(string name)
    {
        if (name.Length is 0 or > 80 || InvalidNameCharacters().IsMatch(name))
            throw new StepFunctionsApiException("InvalidName", $"Invalid Name: '{name}' (1-80 characters; no whitespace, brackets, wildcards, special or control characters).");
    }

    /// <summary>Resources must parse; Express machines cannot use the .sync or .waitForTaskToken patterns (AWS rejects them).</summary>
    private static void ValidateResources(MachineSpec spec, StateMachineType type)
    {
        foreach (var state in spec.States.Values)
        {
            if (state.Resource is not null)
            {
                ParsedResource resource;
                try
                {
                    resource = ParsedResource.Parse(state.Resource);
                }
                catch (AslDefinitionException e)
                {
                    throw new AslDefinitionException(state.Name, "Resource", e.Problem);
                }
                if (type == StateMachineType.Express && resource.Pattern != IntegrationPattern.RequestResponse)
                    throw new AslDefinitionException(state.Name, "Resource",
                        $"'{state.Resource}': Express state machines support only request-response integrations, not .sync, .waitForTaskToken or activities.");
            }
            foreach (var branch in state.Branches) ValidateResources(branch, type);
            if (state.ItemProcessor is not null) ValidateResources(state.ItemProcessor, type);
        }
    }

    [GeneratedRegex(@"[\s<>{}\[\]?*""#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]")]
    private static partial Regex InvalidNameCharacters();
}
