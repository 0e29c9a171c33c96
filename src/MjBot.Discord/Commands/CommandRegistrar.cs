using System.Security.Cryptography;
using System.Text.Json;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;

namespace MjBot.Discord.Commands;

/// <summary>Registers the bot's slash commands with one bulk overwrite: in the development server when one is
/// configured (instant), globally otherwise; and only when the definitions changed since the last registration.</summary>
public sealed class CommandRegistrar(DiscordRestClient rest, ICommandHashStore hashes)
{
    /// <summary>Makes Discord's command list equal <paramref name="commands"/>, once they pass
    /// <see cref="CommandDefinitionRules"/> (a definition that breaks them is a programming error: it throws).</summary>
    /// <param name="applicationId">The application id (from READY).</param>
    /// <param name="devGuildId">A development server, or <see langword="null"/> for global commands.</param>
    /// <param name="commands">The definitions.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether anything was sent (false when the definitions were unchanged).</returns>
    public async Task<bool> RegisterAsync(Snowflake applicationId, Snowflake? devGuildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        if (CommandDefinitionRules.Problems(commands) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("The command definitions break Discord's rules: " + string.Join(" ", problems));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        var hash = Convert.ToHexStringLower(SHA256.HashData(json));
        var scope = devGuildId?.ToString() ?? "global";
        if (hashes.Read(scope) == hash)
        {
            return false;
        }

        var (route, path) = devGuildId is { } guild
            ? (new RouteKey("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", guild.ToString()), $"applications/{applicationId}/guilds/{guild}/commands")
            : (new RouteKey("PUT", "/applications/{application_id}/commands", string.Empty), $"applications/{applicationId}/commands");
        await rest.SendAsync(HttpMethod.Put, route, path, commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand, DiscordJsonContext.Default.IReadOnlyListApplicationCommand, cancellationToken);
        hashes.Write(scope, hash);
        return true;
    }
}
