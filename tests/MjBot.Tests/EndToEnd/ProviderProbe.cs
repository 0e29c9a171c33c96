using Microsoft.Extensions.Hosting;

namespace MjBot.Tests.EndToEnd;

/// <summary>A hosted service that does nothing: registering it is how <see cref="RunningBot"/> learns the host's
/// service provider.</summary>
internal sealed class ProviderProbe : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
