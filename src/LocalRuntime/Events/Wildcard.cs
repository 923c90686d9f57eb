namespace TrainingOrchestration.LocalRuntime.Events;

/// <summary>EventBridge's wildcard filter: <c>*</c> matches any run of characters, <c>\*</c> a literal star.</summary>
internal static class Wildcard
{
    public static bool Matches(string pattern, string text) => Match(Tokens(pattern), 0, text, 0);

    private static List<(bool Star, char Char)> Tokens(string pattern)
    {
        var tokens = new List<(bool, char)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\') tokens.Add((false, pattern[++i]));
            else tokens.Add((pattern[i] == '*', pattern[i]));
        }
        return tokens;
    }

    private static bool Match(List<(bool Star, char Char)> tokens, int t, string text, int s)
    {
        while (t < tokens.Count)
        {
            if (tokens[t].Star)
            {
                for (var k = s; k <= text.Length; k++)
                {
                    if (Match(tokens, t + 1, text, k)) return true;
                }
                return false;
            }
            if (s >= text.Length || text[s] != tokens[t].Char) return false;
            t++;
            s++;
        }
        return s == text.Length;
    }
}
