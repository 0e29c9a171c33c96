using System.Collections.Concurrent;
using MjBot.Core.Ports;
using MjBot.Core.Settings;

namespace MjBot.Core.Tests.Fakes;

/// <summary>Settings kept in dictionaries; unknown members and servers have the defaults.</summary>
internal sealed class InMemorySettingsStore : ISettingsStore
{
    public ConcurrentDictionary<ulong, UserSettings> Users { get; } = new();

    public ConcurrentDictionary<ulong, GuildSettings> Guilds { get; } = new();

    public Task<UserSettings> GetUserAsync(ulong userId, CancellationToken cancellationToken) => Task.FromResult(Users.GetValueOrDefault(userId, UserSettings.Default));

    public Task SaveUserAsync(ulong userId, UserSettings settings, CancellationToken cancellationToken)
    {
        Users[userId] = settings;
        return Task.CompletedTask;
    }

    public Task<GuildSettings> GetGuildAsync(ulong guildId, CancellationToken cancellationToken) => Task.FromResult(Guilds.GetValueOrDefault(guildId, GuildSettings.Default));

    public Task SaveGuildAsync(ulong guildId, GuildSettings settings, CancellationToken cancellationToken)
    {
        Guilds[guildId] = settings;
        return Task.CompletedTask;
    }
}
