using System.Globalization;
using Microsoft.Data.Sqlite;
using MjBot.Core.Ports;

namespace MjBot.Storage;

/// <summary>Spending per server and UTC day in SQLite, kept in millionths of a dollar so sums stay exact.</summary>
public sealed class SqliteSpendingLedger(SqliteDatabase database) : ISpendingLedger
{
    public Task<decimal> SpentAsync(ulong guildId, DateOnly day, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = Command(c, "SELECT micro_usd FROM spending WHERE guild_id = $g AND day = $d", guildId, day);
                return command.ExecuteScalar() is long micros ? micros / 1_000_000m : 0m;
            },
            cancellationToken);

    public Task RecordAsync(ulong guildId, DateOnly day, decimal usd, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = Command(c, "INSERT INTO spending (guild_id, day, micro_usd) VALUES ($g, $d, $m) ON CONFLICT(guild_id, day) DO UPDATE SET micro_usd = micro_usd + excluded.micro_usd", guildId, day);
                command.Parameters.AddWithValue("$m", (long)Math.Round(usd * 1_000_000m));
                command.ExecuteNonQuery();
            },
            cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, string sql, ulong guildId, DateOnly day)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$g", (long)guildId);
        command.Parameters.AddWithValue("$d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return command;
    }
}
