using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// A task Lambda called the way every workflow calls one: the payload in, the function's response alone back
/// (<c>PayloadResponseOnly</c>) at <paramref name="resultPath"/>, retried on Lambda's transient errors only
/// (<see cref="ServiceRetries.Lambda"/>; CDK's own service-exception retry is off so that policy is the only one).
/// </summary>
internal static class InvokeTaskFunction
{
    public static LambdaInvoke Create(Construct scope, string stateName, IFunction function, Dictionary<string, object> payload, string resultPath) =>
        ServiceRetries.Apply(new LambdaInvoke(scope, stateName, new LambdaInvokeProps
        {
            LambdaFunction = function,
            PayloadResponseOnly = true,
            RetryOnServiceExceptions = false,
            Payload = TaskInput.FromObject(payload),
            ResultPath = resultPath,
        }), ServiceRetries.Lambda);
}
