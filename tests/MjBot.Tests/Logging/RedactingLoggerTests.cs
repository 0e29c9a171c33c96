using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MjBot.Core.Security;
using MjBot.Testing;

namespace MjBot.Tests.Logging;

public sealed partial class RedactingLoggerTests
{
    private const string BotToken = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
    private const string ApiKey = "azure-0123456789abcdef0123456789abcdef";
    private const string InteractionUrl = "https://discord.com/api/v10/webhooks/111/aW50ZXJhY3Rpb246MTExOjIyMjpzZWNyZXRzZWNyZXRzZWNyZXQ/messages/@original";

    [Fact]
    public void Log_SecretsInMessageStateScopeAndException_NeverReachTheSink()
    {
        var capture = new CapturingLoggerProvider();
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(capture).AddSecretRedaction(new SecretRedactor([ApiKey])))
            .BuildServiceProvider();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("test");

        using (logger.BeginScope("request to {Url}", InteractionUrl))
        {
            DeliveryFailed(logger, InteractionUrl, ApiKey, 3, new HttpRequestException($"401 for {InteractionUrl} with Bot {BotToken}", null, HttpStatusCode.Unauthorized));
        }

        var written = string.Join("\n", capture.Written);
        Assert.NotEmpty(capture.Written);
        Assert.DoesNotContain(BotToken, written, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, written, StringComparison.Ordinal);
        Assert.DoesNotContain("aW50ZXJhY3Rpb246", written, StringComparison.Ordinal);
        Assert.Contains("Delivery to https://discord.com/api/v10/webhooks/111/[redacted]/messages/@original failed", written, StringComparison.Ordinal);
        Assert.Contains("HttpRequestException", written, StringComparison.Ordinal);
        Assert.Contains("Attempt=3", written, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSecretRedaction_WrapsEveryProviderRegisteredBefore()
    {
        var first = new CapturingLoggerProvider();
        var second = new CapturingLoggerProvider();
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(first).AddProvider(second).AddSecretRedaction(SecretRedactor.PatternsOnly))
            .BuildServiceProvider();

        services.GetRequiredService<ILoggerFactory>().CreateLogger("test").LogWarning("token {Token}", BotToken);

        Assert.All(new[] { first, second }, p => Assert.DoesNotContain(BotToken, string.Join("\n", p.Written), StringComparison.Ordinal));
        Assert.Contains("token [redacted]", first.Written);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Delivery to {Url} failed with key {Key} on attempt {Attempt}")]
    private static partial void DeliveryFailed(ILogger logger, string url, string key, int attempt, Exception exception);
}
