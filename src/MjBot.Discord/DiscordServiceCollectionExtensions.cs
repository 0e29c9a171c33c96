using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Discord;
using MjBot.Discord.Commands;
using MjBot.Discord.Gateway;
using MjBot.Discord.Rest;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Discord client: REST, the gateway and the state they keep between starts.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>Binds and validates <paramref name="section"/> (the <c>Discord</c> section) and adds the REST client
    /// (its rate limits kept per route and bucket), the gateway client with <paramref name="intents"/> and the
    /// handler <paramref name="dispatch"/> builds, and the files in <paramref name="stateFolder"/> that keep the slash
    /// commands' hash and (with <see cref="DiscordOptions.ResumeAfterRestart"/>) the session to resume. Needs a
    /// <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddDiscordGateway(
        this IServiceCollection services,
        IConfiguration section,
        int intents,
        Func<IServiceProvider, string> stateFolder,
        Func<IServiceProvider, IGatewayDispatchHandler> dispatch)
    {
        ArgumentNullException.ThrowIfNull(stateFolder);
        ArgumentNullException.ThrowIfNull(dispatch);
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddSingleton<ICommandHashStore>(sp => new FileCommandHashStore(Path.Combine(stateFolder(sp), "commands.json")));
        services.AddSingleton<IGatewaySessionStore>(sp => new FileGatewaySessionStore(Path.Combine(stateFolder(sp), "gateway-session.json")));
        services.AddSingleton(static sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new DiscordRestClient(new HttpClient(DiscordHttp.Handler()), new RateLimitTracker(time, new RateLimitOptions()), time, sp.GetRequiredService<IOptions<DiscordOptions>>().Value);
        });
        services.AddSingleton(sp =>
        {
            var discord = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new GatewayClient(
                sp.GetRequiredService<DiscordRestClient>(),
                dispatch(sp),
                new GatewayClientOptions { Token = discord.Token!, Intents = intents },
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GatewayClient>>(),
                discord.ResumeAfterRestart ? sp.GetRequiredService<IGatewaySessionStore>() : null);
        });
        return services;
    }
}
