using System.Text.Json;
using MjBot.Discord.Models;

namespace MjBot.Discord.Tests.Models;

public sealed class SnowflakeAndPermissionsTests
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    [Theory]
    [InlineData("""{"id":"18446744073709551615","channel_id":"1"}""", 18446744073709551615UL)]
    [InlineData("""{"id":80351110224678912,"channel_id":"1"}""", 80351110224678912UL)]
    public void Snowflake_StringOrNumber_IsRead(string json, ulong expected)
    {
        Assert.Equal(expected, JsonSerializer.Deserialize(json, Json.Message)!.Id.Value);
    }

    [Theory]
    [InlineData("""{"id":"-1","channel_id":"1"}""")]
    [InlineData("""{"id":"12ab","channel_id":"1"}""")]
    [InlineData("""{"id":null,"channel_id":"1"}""")]
    public void Snowflake_NotDigits_IsAJsonError(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.Message));
    }

    [Fact]
    public void Snowflake_IsWrittenAsAString()
    {
        var json = JsonSerializer.Serialize(new Message(new Snowflake(18446744073709551615), new Snowflake(1)), Json.Message);

        Assert.Equal("""{"id":"18446744073709551615","channel_id":"1"}""", json);
    }

    [Theory]
    [InlineData(Permissions.ManageGuild, Permissions.ManageGuild, true)]
    [InlineData(Permissions.Administrator, Permissions.ManageGuild, true)]
    [InlineData(1UL << 11, Permissions.ManageGuild, false)]
    [InlineData(0UL, Permissions.ManageGuild, false)]
    public void Has_AdministratorCountsAsEveryPermission(ulong granted, ulong asked, bool expected)
    {
        Assert.Equal(expected, new Permissions(granted).Has(asked));
    }
}
