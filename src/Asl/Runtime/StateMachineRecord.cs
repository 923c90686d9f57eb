using TrainingOrchestration.Asl.Definition;

namespace TrainingOrchestration.Asl.Runtime;

internal sealed record StateMachineRecord(string Arn, string Name, string DefinitionJson, MachineSpec Spec, StateMachineType Type, DateTimeOffset CreationDate, string RoleArn);
