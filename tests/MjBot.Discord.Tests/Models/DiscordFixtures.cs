using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Models;

/// <summary>Discord's documented example payloads (tests/data/discord-fixtures) and a JSON
/// comparison that ignores property order.</summary>
internal static class DiscordFixtures
{
    public static string Folder => RepositoryPaths.InTestData("discord-fixtures");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static T Parse<T>(string name, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(Read(name), type) ?? throw new InvalidOperationException($"{name} parsed to null.");

    /// <summary>Reads a fixture into our model, writes it back, and checks the JSON is the same document.</summary>
    public static T AssertRoundTrips<T>(string name, JsonTypeInfo<T> type)
    {
        var model = Parse(name, type);
        var written = JsonSerializer.Serialize(model, type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Read(name)), JsonNode.Parse(written)), $"{name} changed shape:\n{written}");
        return model;
    }
}
