using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Hosting;
using MjBot.TestBackend;

// MJBOT_TEST_BACKEND_DELAY_MS sets how long each test job takes.
var backend = new TestBackend
{
    Delay = TimeSpan.FromMilliseconds(int.Parse(Environment.GetEnvironmentVariable("MJBOT_TEST_BACKEND_DELAY_MS") ?? "0", CultureInfo.InvariantCulture)),
};
return await MjBotHost.RunAsync(CliContext.FromProcess(), services =>
{
    services.AddSingleton(new BackendRegistration(backend.Name));
    services.AddSingleton<IImageBackend>(backend);
});
