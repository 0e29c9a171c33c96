using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MjBot.Core.Ports;
using MjBot.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SQLite storage behind Core's ports.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds the database in the data folder (opened and migrated by a hosted service, so register this
    /// before anything that uses it starts), the job, settings, spending and moderation stores, and the image files.
    /// The options are bound from <paramref name="section"/> (the <c>Storage</c> section), validated at startup, and
    /// the data folder resolved against <paramref name="contentRoot"/>.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        services.AddOptions<StorageOptions>().Bind(section).ValidateOnStart()
            .PostConfigure(options =>
            {
                if (StorageOptions.CanName(options.DataFolder))
                {
                    options.DataFolder = Path.GetFullPath(options.DataFolder, contentRoot);
                }
            });
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(static sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath));
        services.AddHostedService<StorageHostedService>();
        services.AddSingleton<IJobStore, SqliteJobStore>();
        services.AddSingleton<ISettingsStore, SqliteSettingsStore>();
        services.AddSingleton<ISpendingLedger, SqliteSpendingLedger>();
        services.AddSingleton<IModerationStore, SqliteModerationStore>();
        services.AddSingleton<IImageStore>(static sp => new FileImageStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.ImagesFolder));
        return services;
    }
}
