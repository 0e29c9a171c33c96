using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MjBot.Backends.ComfyUI.Pool;

/// <summary>Checks every server at start and every <c>HealthSeconds</c> after.</summary>
internal sealed class PoolHealthService(ServerPool pool, IOptions<ComfyUIOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.HealthSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await pool.RefreshAsync(stoppingToken);
            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
