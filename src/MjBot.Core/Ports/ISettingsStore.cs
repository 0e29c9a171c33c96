using MjBot.Core.Settings;

namespace MjBot.Core.Ports;

/// <summary>Per-member and per-server settings.</summary>
public interface ISettingsStore
{
    Task<UserSettings> GetUserAsync(ulong userId, CancellationToken cancellationToken);

    Task SaveUserAsync(ulong userId, UserSettings settings, CancellationToken cancellationToken);

    Task<GuildSettings> GetGuildAsync(ulong guildId, CancellationToken cancellationToken);

    Task SaveGuildAsync(ulong guildId, GuildSettings settings, CancellationToken cancellationToken);
}
