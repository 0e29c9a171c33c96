using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace MjBot.Configuration;

/// <summary>Where MjBot reads its settings from, later sources winning: appsettings.json,
/// appsettings.{Environment}.json, user secrets, then environment variables in the <c>MjBot__Section__Key</c> form.</summary>
internal static class MjBotConfiguration
{
    public const string EnvironmentPrefix = "MjBot__";

    public static IConfigurationRoot Build(string contentRoot, IDictionary<string, string?>? overrides = null)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder()
            .SetBasePath(contentRoot)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false)
            .AddUserSecrets(Assembly.GetExecutingAssembly(), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }
}
