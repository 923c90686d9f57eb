using Amazon.DynamoDBv2;
using TrainingOrchestration.LocalRuntime.S3;
using TrainingOrchestration.Tasks.Composition;
using TrainingOrchestration.Tasks.Configuration;

namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>
/// The task Lambdas' composition root as the local runtime fills it: the function's options bound from its scoped
/// <see cref="LambdaEnvironment"/>, the local buckets folder as the object store and the dynalite client as
/// DynamoDB. The Lambda assembly itself knows only its AWS adapters (<see cref="TaskServices.FromEnvironment"/>).
/// </summary>
public static class LocalTaskServices
{
    /// <summary>Services for a handler built inside its invocation's environment scope.</summary>
    public static TaskServices Create(string objectStoreRoot, IAmazonDynamoDB dynamoDb) =>
        new(TaskOptions.FromEnvironment(), AmbientOutput.Instance, new FileObjectStore(objectStoreRoot), dynamoDb, AmbientOutput.Metrics, AmbientClock.Instance);

    /// <summary>
    /// Builds a handler that takes <see cref="TaskServices"/> through that constructor with local services; null for
    /// any other type, which the invoker then builds as the Lambda runtime does.
    /// </summary>
    public static Func<Type, object?> HandlerFactory(string objectStoreRoot, IAmazonDynamoDB dynamoDb) => type =>
        type.GetConstructor([typeof(TaskServices)]) is { } constructor
            ? constructor.Invoke([Create(objectStoreRoot, dynamoDb)])
            : null;
}
