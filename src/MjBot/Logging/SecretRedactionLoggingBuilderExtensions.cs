using Microsoft.Extensions.DependencyInjection;
using MjBot.Core.Security;
using MjBot.Logging;

namespace Microsoft.Extensions.Logging;

/// <summary>Puts secret redaction in front of every logger provider registered so far; call it last.</summary>
internal static class SecretRedactionLoggingBuilderExtensions
{
    public static ILoggingBuilder AddSecretRedaction(this ILoggingBuilder logging, SecretRedactor redactor)
    {
        var providers = logging.Services.Where(static d => d.ServiceType == typeof(ILoggerProvider)).ToList();
        foreach (var descriptor in providers)
        {
            logging.Services.Remove(descriptor);
            logging.Services.AddSingleton<ILoggerProvider>(services => new RedactingLoggerProvider(Create(services, descriptor), redactor));
        }

        logging.Services.AddSingleton(redactor);
        return logging;
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
