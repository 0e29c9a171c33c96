using Microsoft.Extensions.Hosting;

namespace MjBot.Storage;

/// <summary>Opens the database and applies its migrations in StartAsync, so the schema is current before the job
/// runner and the gateway start; closes it last.</summary>
internal sealed class StorageHostedService(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.OpenAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
