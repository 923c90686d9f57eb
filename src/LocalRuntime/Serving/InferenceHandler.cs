using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

namespace TrainingOrchestration.LocalRuntime.Serving;

/// <summary>
/// SageMaker's inference contract for the built-in XGBoost algorithm's real-time endpoint, over the champion's model
/// (https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-inference-code.html: <c>GET /ping</c> answers 200
/// when the model is loaded; <c>POST /invocations</c> takes the request body). As the container's algorithm-mode
/// server does (aws/sagemaker-xgboost-container <c>algorithm_mode/serve.py</c>): an empty body is 204; a body that is
/// not <c>text/csv</c> or cannot be read is 415; a payload the model cannot score is 400 "Unable to evaluate payload
/// provided"; otherwise 200 <c>text/csv</c> with the predictions joined by commas (one per record; a bracketed list per
/// record for multi:softprob). Scoring uses the same libxgboost and record parsing as the local batch transform.
/// </summary>
public sealed class InferenceHandler(Booster model)
{
    private const string Csv = "text/csv";
    private readonly Lock _gate = new();

    public InferenceResponse Handle(string method, string path, string? contentType, string body)
    {
        return (method, path) switch
        {
            ("GET", "/ping") => new InferenceResponse(200, Csv, ""),
            ("POST", "/invocations") => Invoke(contentType, body),
            (_, "/ping" or "/invocations") => new InferenceResponse(405, "text/plain", $"{method} is not allowed on {path}"),
            _ => new InferenceResponse(404, "text/plain", $"{path} is not part of the inference contract (GET /ping, POST /invocations)"),
        };
    }

    private InferenceResponse Invoke(string? contentType, string body)
    {
        if (body.Length == 0) return new InferenceResponse(204, Csv, "");
        var type = (contentType ?? "").Split(';')[0].Trim();
        if (!string.Equals(type, Csv, StringComparison.OrdinalIgnoreCase))
        {
            return new InferenceResponse(415, "text/plain", $"Content type {contentType ?? "(none)"} is not supported; send text/csv (one record a line, features only).");
        }
        var lines = body.Trim().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        try
        {
            string[] predictions;
            // A booster is not safe to predict from on several threads at once (the container loads one per worker).
            lock (_gate) predictions = BatchTransformer.Predict(model, "request", lines);
            return new InferenceResponse(200, Csv, string.Join(',', predictions));
        }
        catch (AlgorithmFailure e) when (e.FailureReason.Contains("Unable to read data", StringComparison.Ordinal))
        {
            return new InferenceResponse(415, "text/plain", "Loading csv data failed, please ensure data is in csv format: " + e.FailureReason);
        }
        catch (AlgorithmFailure e)
        {
            return new InferenceResponse(400, "text/plain", e.FailureReason);
        }
    }
}
