using System.Reflection;

namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>
/// A stand-in for a large AWS SDK client interface (IAmazonS3, IAmazonDynamoDB): every call is recorded and
/// answered by <see cref="Respond"/>, so an adapter can be tested against the exact requests it sends.
/// </summary>
public class StubClient<T> : DispatchProxy where T : class
{
    public List<(string Method, object? Request)> Calls { get; } = [];

    public Func<string, object?, object?> Respond { get; set; } = (method, _) => throw new NotSupportedException($"{method} was not expected");

    public static (T Client, StubClient<T> Stub) Create(Func<string, object?, object?> respond)
    {
        var client = Create<T, StubClient<T>>();
        var stub = (StubClient<T>)(object)client;
        stub.Respond = respond;
        return (client, stub);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var name = targetMethod!.Name;
        if (name == "Dispose") return null;
        var request = args is { Length: > 0 } ? args[0] : null;
        Calls.Add((name, request));
        var response = Respond(name, request);
        if (response is Exception error)
        {
            if (typeof(Task).IsAssignableFrom(targetMethod.ReturnType)) return FromException(targetMethod.ReturnType, error);
            throw error;
        }
        if (typeof(Task).IsAssignableFrom(targetMethod.ReturnType) && targetMethod.ReturnType.IsGenericType)
        {
            var resultType = targetMethod.ReturnType.GetGenericArguments()[0];
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(resultType).Invoke(null, [response]);
        }
        return response;
    }

    private static object FromException(Type taskType, Exception error)
    {
        if (!taskType.IsGenericType) return Task.FromException(error);
        var resultType = taskType.GetGenericArguments()[0];
        var method = typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod);
        return method.MakeGenericMethod(resultType).Invoke(null, [error])!;
    }
}
