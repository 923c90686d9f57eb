using System.Collections.Concurrent;
using System.Reflection;

namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>
/// Calls a .NET Lambda handler in process by its Handler string (<c>Assembly::Namespace.Type::Method</c>), as the
/// managed runtime would: one instance per function, created on first use (a warm container), the method called with
/// the request payload as a <see cref="Stream"/>. Supported signatures: <c>Task&lt;Stream&gt; M(Stream)</c>,
/// <c>Stream M(Stream)</c>, optionally with a trailing context parameter passed as null. <paramref name="createHandler"/>
/// builds an instance through the handler's composition root (null: not one it knows; the public parameterless
/// constructor is used, as the Lambda runtime does).
/// </summary>
public sealed class LambdaHandlerInvoker(Func<Type, object?>? createHandler = null)
{
    private readonly ConcurrentDictionary<string, Lazy<(object? Instance, MethodInfo Method)>> _handlers = new();

    /// <summary>Invokes the handler. <paramref name="functionKey"/> identifies the warm instance (the function's ARN).</summary>
    public async Task<Stream> InvokeAsync(string functionKey, string handler, Stream payload)
    {
        var (instance, method) = _handlers.GetOrAdd(functionKey, _ => new Lazy<(object?, MethodInfo)>(() => Bind(handler))).Value;
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        arguments[0] = payload;
        object? result;
        try
        {
            result = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        return result switch
        {
            Task<Stream> task => await task,
            Stream stream => stream,
            null => new MemoryStream(),
            _ => throw new InvalidOperationException($"Handler {handler} returned {result.GetType().Name}; the local runtime supports Stream or Task<Stream>."),
        };
    }

    private (object?, MethodInfo) Bind(string handler)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3) throw new LambdaHandlerException(handler, "a .NET handler string has the form Assembly::Namespace.Type::Method");
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(parts[0]));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new LambdaHandlerException(handler, $"assembly {parts[0]} could not be loaded: {ex.Message}");
        }
        var type = assembly.GetType(parts[1]) ?? throw new LambdaHandlerException(handler, $"type {parts[1]} is not in assembly {parts[0]}");
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == parts[2] && m.GetParameters() is { Length: >= 1 } p && p[0].ParameterType == typeof(Stream))
            ?? throw new LambdaHandlerException(handler, $"type {parts[1]} has no public method {parts[2]}(Stream ...)");
        object? instance = null;
        if (!method.IsStatic)
        {
            try
            {
                instance = createHandler?.Invoke(type);
                if (instance is null)
                {
                    if (type.GetConstructor(Type.EmptyTypes) is null) throw new LambdaHandlerException(handler, $"type {parts[1]} needs a public parameterless constructor, as the Lambda runtime does");
                    instance = Activator.CreateInstance(type);
                }
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            }
        }
        return (instance, method);
    }
}
