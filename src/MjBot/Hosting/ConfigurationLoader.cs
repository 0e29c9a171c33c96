using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MjBot.Core.Security;
using MjBot.Configuration;

namespace MjBot.Hosting;

/// <summary>Loads configuration for a verb and turns a broken settings file into a sentence, not a stack trace.</summary>
internal static class ConfigurationLoader
{
    public const int ConfigurationError = 78;

    public static bool TryLoad(CliContext context, out IConfigurationRoot configuration, out string problem)
    {
        try
        {
            configuration = MjBotConfiguration.Build(context.ContentRoot, context.Overrides);
            problem = string.Empty;
            return true;
        }
        catch (InvalidDataException ex)
        {
            // The JSON provider wraps the parser's error (with line and position) in InvalidDataException.
            configuration = null!;
            problem = $"{ex.Message} {ex.InnerException?.Message} Fix the file (compare it with appsettings.example.json) and start again.";
            return false;
        }
    }

    /// <summary>The modules' and the host's options with their validators (plus the registrations a caller adds, such
    /// as backend names), so configuration can be checked before anything is started: nothing here is resolved but the
    /// options.</summary>
    public static ServiceProvider BuildOptionsServices(IConfiguration configuration, string contentRoot, Action<IServiceCollection>? addServices = null)
    {
        var services = new ServiceCollection().AddMjBotModules(configuration, contentRoot);
        addServices?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static SecretRedactor CreateRedactor(IConfiguration configuration) =>
        new([
            configuration["Discord:Token"],
            configuration["Backends:OpenAI:ApiKey"],
            configuration["ModelHub:Token"],
        ]);
}
