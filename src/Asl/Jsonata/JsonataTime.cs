using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Jsonata;

/// <summary>
/// JSONata's date/time functions with their default (ISO 8601, UTC) formats: <c>$now()</c>, <c>$millis()</c>,
/// <c>$toMillis(timestamp)</c> and <c>$fromMillis(number)</c>. Step Functions documents these for computing times
/// (a TTL, a deadline) that JSONPath cannot. The XPath picture-string variants are refused rather than guessed.
/// </summary>
internal static partial class JsonataTime
{
    /// <summary>JSONata's own check before parsing: date, optional time, fraction and zone.</summary>
    [GeneratedRegex(@"^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$")]
    private static partial Regex Iso8601();

    public static bool TryInvoke(string name, List<JsonataValue> a, JsonataEvaluator? evaluator, out JsonataValue result)
    {
        result = JsonataValue.Undefined;
        switch (name)
        {
            case "now":
                NoPicture(name, a, 0);
                result = Text(Format(Clock(evaluator, name)));
                return true;
            case "millis":
                result = JsonataValue.Of(JsonValue.Create(Clock(evaluator, name).ToUnixTimeMilliseconds()));
                return true;
            case "toMillis":
                NoPicture(name, a, 1);
                if (a.Count == 0 || !a[0].Defined) return true;
                var text = JsonKit.AsString(a[0].Node)
                    ?? throw new JsonataException($"T0410: Argument 1 of function \"{name}\" does not match function signature");
                result = JsonataValue.Of(JsonValue.Create(ToMillis(text)));
                return true;
            case "fromMillis":
                NoPicture(name, a, 1);
                if (a.Count == 0 || !a[0].Defined) return true;
                if (!JsonKit.IsNumber(a[0].Node))
                    throw new JsonataException($"T0410: Argument 1 of function \"{name}\" does not match function signature");
                result = Text(FromMillis(JsonKit.AsDouble(a[0].Node)));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Milliseconds since the epoch of an ISO 8601 timestamp; a time without a zone is UTC.</summary>
    public static long ToMillis(string timestamp)
    {
        if (!Iso8601().IsMatch(timestamp))
            throw new JsonataException($"D3110: The timestamp '{timestamp}' passed to $toMillis is not an ISO 8601 date/time");
        var normalized = Regex.Replace(timestamp, @"([+-]\d{2})(\d{2})$", "$1:$2");
        // Like JavaScript's Date.parse, fractions beyond milliseconds are dropped, not rounded.
        normalized = Regex.Replace(normalized, @"(\.\d{3})\d+", "$1");
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            throw new JsonataException($"D3110: The timestamp '{timestamp}' passed to $toMillis is not an ISO 8601 date/time");
        return parsed.ToUnixTimeMilliseconds();
    }

    /// <summary>The ISO 8601 UTC text of <paramref name="millis"/> (fractions of a millisecond dropped).</summary>
    public static string FromMillis(double millis) =>
        Format(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(millis)));

    /// <summary>JSONata's default picture: <c>[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001]Z</c>.</summary>
    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Clock(JsonataEvaluator? evaluator, string name) =>
        evaluator?.Now() ?? throw new JsonataException($"${name}() needs the execution's clock, which this evaluation was not given");

    private static void NoPicture(string name, List<JsonataValue> a, int pictureIndex)
    {
        if (a.Count > pictureIndex && a[pictureIndex].Defined)
            throw new JsonataException($"D3133: ${name} with a picture string or timezone is not supported by this engine; use the default ISO 8601 form");
    }

    private static JsonataValue Text(string value) => JsonataValue.Of(JsonValue.Create(value));
}
