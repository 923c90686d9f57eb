using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.Cli.Commands.Asl;

/// <summary>
/// <c>asl run DEFINITION [--input FILE] [--mock-config FILE --test-case NAME]</c>: one execution on a virtual
/// clock; prints one JSON line, <c>{"status":"SUCCEEDED","output":…}</c> or <c>{"status":"FAILED","error":…,"cause":…}</c>.
/// </summary>
internal static class AslRunCommand
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var definition = new Argument<FileInfo>("DEFINITION") { Description = "The ASL definition (JSON file)." };
        var input = new Option<FileInfo?>("--input") { Description = "The execution input (JSON file); {} when absent." };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "A Step Functions Local MockConfigFile." };
        var testCase = new Option<string?>("--test-case") { Description = "The MockConfigFile test case to run." };
        var machineName = new Option<string?>("--state-machine-name")
        {
            Description = "The state machine name (the key under StateMachines in the mock config); defaults to the definition's file name.",
        };
        var command = new Command("run", "Run one execution of a definition and print its result as one JSON line.");
        command.Arguments.Add(definition);
        command.Options.Add(input);
        command.Options.Add(mockConfig);
        command.Options.Add(testCase);
        command.Options.Add(machineName);
        command.SetAction(async parseResult =>
        {
            var definitionFile = parseResult.GetValue(definition)!;
            var mockFile = parseResult.GetValue(mockConfig);
            var caseName = parseResult.GetValue(testCase);
            if ((mockFile is null) != (caseName is null))
            {
                Console.Error.WriteLine("asl run: --mock-config and --test-case go together.");
                return 2;
            }
            var name = parseResult.GetValue(machineName) ?? Path.GetFileNameWithoutExtension(definitionFile.Name);
            var options = mockFile is null ? null : new ExecutionOptions(MockConfig.Parse(await File.ReadAllTextAsync(mockFile.FullName)), caseName);
            var inputFile = parseResult.GetValue(input);
            var inputText = inputFile is null ? "{}" : await File.ReadAllTextAsync(inputFile.FullName);
            var engine = new StepFunctionsEngine(new VirtualClock());
            try
            {
                var arn = engine.CreateStateMachine(SafeName(name), await File.ReadAllTextAsync(definitionFile.FullName));
                var started = engine.StartExecution(arn, null, inputText, options);
                var done = await engine.WaitForCompletionAsync(started.ExecutionArn);
                var line = done.Status == ExecutionStatus.Succeeded
                    ? new JsonObject { ["status"] = done.StatusName, ["output"] = JsonNode.Parse(done.Output ?? "null") }
                    : new JsonObject { ["status"] = done.StatusName, ["error"] = done.Error, ["cause"] = done.Cause };
                Console.WriteLine(line.ToJsonString(Readable));
                return done.Status == ExecutionStatus.Succeeded ? 0 : 1;
            }
            catch (Exception e) when (e is AslDefinitionException or StepFunctionsApiException)
            {
                var error = e is StepFunctionsApiException api ? api.ErrorCode : "InvalidDefinition";
                Console.WriteLine(new JsonObject { ["status"] = "REJECTED", ["error"] = error, ["cause"] = e.Message }.ToJsonString(Readable));
                return 2;
            }
        });
        return command;
    }

    private static string SafeName(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        return chars.Length == 0 ? "StateMachine" : new string(chars);
    }
}
