using System.Globalization;
using MjBot.Core.Ports;

namespace MjBot.Storage;

/// <summary>Spending per server and UTC day in SQLite, kept in millionths of a dollar so sums stay exact.</summary>
public sealed class SqliteSpendingLedger(SqliteDatabase database) : ISpendingLedger
{
    public Task<decimal> SpentAsync(ulong guildId, DateOnly day, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "SELECT micro_usd FROM spending WHERE guild_id = $g AND day = $d";
                command.Parameters.AddWithValue("$g", (long)guildId);
                command.Parameters.AddWithValue("$d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return command.ExecuteScalar() is long micros ? micros / 1_000_000m : 0m;
            },
            cancellationToken);

    public Task RecordAsync(ulong guildId, DateOnly day, decimal usd, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "INSERT INTO spending (guild_id, day, micro_usd) VALUES ($g, $d, $m) ON CONFLICT(guild_id, day) DO UPDATE SET micro_usd = micro_usd + excluded.micro_usd";
                command.Parameters.AddWithValue("$g", (long)guildId);
                command.Parameters.AddWithValue("$d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$m", (long)Math.Round(usd * 1_000_000m));
                command.ExecuteNonQuery();
            },
            cancellationToken);
}
