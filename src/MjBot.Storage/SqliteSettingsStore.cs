using System.Text.Json;
using MjBot.Core.Ports;
using MjBot.Core.Settings;

namespace MjBot.Storage;

/// <summary>Member and server settings as JSON rows (new fields get their defaults when old rows are read).</summary>
public sealed class SqliteSettingsStore(SqliteDatabase database) : ISettingsStore
{
    public async Task<UserSettings> GetUserAsync(ulong userId, CancellationToken cancellationToken) =>
        await ReadAsync("user_settings", "user_id", userId, StorageJsonContext.Default.UserSettings, cancellationToken) ?? UserSettings.Default;

    public Task SaveUserAsync(ulong userId, UserSettings settings, CancellationToken cancellationToken) =>
        WriteAsync("user_settings", "user_id", userId, JsonSerializer.Serialize(settings, StorageJsonContext.Default.UserSettings), cancellationToken);

    public async Task<GuildSettings> GetGuildAsync(ulong guildId, CancellationToken cancellationToken) =>
        await ReadAsync("guild_settings", "guild_id", guildId, StorageJsonContext.Default.GuildSettings, cancellationToken) ?? GuildSettings.Default;

    public Task SaveGuildAsync(ulong guildId, GuildSettings settings, CancellationToken cancellationToken) =>
        WriteAsync("guild_settings", "guild_id", guildId, JsonSerializer.Serialize(settings, StorageJsonContext.Default.GuildSettings), cancellationToken);

    private Task<T?> ReadAsync<T>(string table, string key, ulong id, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class =>
        database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = $"SELECT json FROM {table} WHERE {key} = $id";
                command.Parameters.AddWithValue("$id", (long)id);
                return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize(json, type) : null;
            },
            cancellationToken);

    private Task WriteAsync(string table, string key, ulong id, string json, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = $"INSERT INTO {table} ({key}, json) VALUES ($id, $json) ON CONFLICT({key}) DO UPDATE SET json = excluded.json";
                command.Parameters.AddWithValue("$id", (long)id);
                command.Parameters.AddWithValue("$json", json);
                command.ExecuteNonQuery();
            },
            cancellationToken);
}
