using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>
/// Loads a synthesized CloudFormation template as the local runtime deploys it: names each resource as CloudFormation
/// would (explicit name property, or <c>&lt;stack&gt;-&lt;logical id&gt;-&lt;suffix&gt;</c>), derives ARNs, drops
/// resources whose condition is false, and resolves every property.
/// </summary>
public static class StackTemplateLoader
{
    public static LoadedStack Load(string templatePath, StackEnvironment environment)
    {
        JsonObject template;
        try
        {
            template = JsonNode.Parse(File.ReadAllText(templatePath))?.AsObject() ?? throw new TemplateException(templatePath, "empty template");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new TemplateException(templatePath, $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
        }
        return Load(template, environment, templatePath);
    }

    public static LoadedStack Load(JsonObject template, StackEnvironment environment, string source = "(template)")
    {
        var resources = template["Resources"]?.AsObject() ?? throw new TemplateException(source, "the template has no Resources");
        var names = new Dictionary<string, string>();
        var naming = new HashSet<string>();
        IntrinsicResolver? resolver = null;

        string NameOf(string logicalId)
        {
            if (names.TryGetValue(logicalId, out var known)) return known;
            if (!naming.Add(logicalId)) throw new TemplateException($"Resources.{logicalId}", "its name depends on itself");
            var definition = resources[logicalId]!.AsObject();
            var type = definition["Type"]!.GetValue<string>();
            var property = PhysicalNaming.NameProperty(type);
            var explicitName = property is null ? null : definition["Properties"]?[property];
            var name = explicitName is null
                ? PhysicalNaming.GeneratedName(environment, logicalId, type)
                : resolver!.Resolve(explicitName, $"Resources.{logicalId}.Properties.{property}")!.GetValue<string>();
            names[logicalId] = name;
            return name;
        }

        string TypeOf(string logicalId) => resources[logicalId]?["Type"]?.GetValue<string>()
            ?? throw new TemplateException($"Resources.{logicalId}", "no such resource");

        string RefOf(string logicalId)
        {
            var type = TypeOf(logicalId);
            var name = NameOf(logicalId);
            return PhysicalNaming.RefValue(environment, type, name, PhysicalNaming.Arn(environment, type, name));
        }

        string GetAtt(string logicalId, string attribute) =>
            ResourceAttributes.Get(environment, TypeOf(logicalId), NameOf(logicalId), logicalId, attribute);

        resolver = new IntrinsicResolver(template, environment, RefOf, GetAtt);

        var loaded = new List<StackResource>();
        foreach (var (logicalId, node) in resources)
        {
            var definition = node!.AsObject();
            if (definition["Condition"]?.GetValue<string>() is { } condition && !resolver.Condition(condition)) continue;
            var type = definition["Type"]!.GetValue<string>();
            var path = $"Resources.{logicalId}.Properties";
            var properties = resolver.Resolve(definition["Properties"] ?? new JsonObject(), path)!.AsObject();
            var name = NameOf(logicalId);
            loaded.Add(new StackResource(logicalId, type, RefOf(logicalId), PhysicalNaming.Arn(environment, type, name), properties,
                definition["Metadata"]?.DeepClone().AsObject()) { Name = name });
        }

        var outputs = template["Outputs"] is JsonObject declared
            ? resolver.Resolve(declared, "Outputs")!.AsObject()
            : new JsonObject();
        return new LoadedStack(environment, source, loaded, outputs);
    }
}
