using System.Text.Json.Serialization;
using MjBot.Core.Moderation;
using MjBot.Core.Settings;

namespace MjBot.Storage;

/// <summary>Source-generated JSON for settings rows.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UserSettings))]
[JsonSerializable(typeof(GuildSettings))]
[JsonSerializable(typeof(JobQuota))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
