using System.Text.Json;

namespace TrainingOrchestration.Contracts.Profiles;

/// <summary>The profile's JSON form as stored in DynamoDB.</summary>
public static class ProfileSerializer
{
    public static string Serialize(TableProfile profile) => JsonSerializer.Serialize(profile, ProfileJsonContext.Default.TableProfile);

    public static TableProfile Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ProfileJsonContext.Default.TableProfile) ?? throw new JsonException("profile JSON is null");
}
