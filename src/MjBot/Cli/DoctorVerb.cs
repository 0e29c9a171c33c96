using MjBot.Configuration;
using MjBot.Doctor;
using MjBot.Hosting;

namespace MjBot.Cli;

/// <summary><c>mjbot doctor</c>: checks configuration and reachability; exit code 1 when something needs fixing.</summary>
internal static class DoctorVerb
{
    public static async Task<int> RunAsync(CliContext context)
    {
        List<DoctorCheck> checks;
        if (!ConfigurationLoader.TryLoad(context, out var configuration, out var problem))
        {
            checks = [DoctorCheck.Fail("Configuration", "appsettings.json could not be read", problem)];
        }
        else
        {
            var redactor = ConfigurationLoader.CreateRedactor(configuration);
            using var services = ConfigurationLoader.BuildOptionsServices(configuration, context.ContentRoot);
            var problems = ConfigurationProblems.Find(services).Select(p => redactor.Redact(p)).ToList();
            checks =
            [
                DoctorChecks.ConfigurationValid(problems),
                DoctorChecks.DataFolderWritable(context.ContentRoot, configuration),
                await DoctorChecks.DiscordTokenAsync(configuration, redactor),
                await DoctorChecks.OpenAIKeyAsync(configuration),
                await DoctorChecks.ComfyUIAsync(configuration, context.ContentRoot),
                DoctorChecks.Onnx(configuration, context.ContentRoot),
                DoctorChecks.Translation(configuration, context.ContentRoot),
                DoctorChecks.Upscaler(configuration, context.ContentRoot),
                DoctorChecks.SafetyChecker(configuration, context.ContentRoot),
                DoctorChecks.Clip(configuration, context.ContentRoot),
            ];
        }

        await context.Out.WriteAsync(DoctorReport.Render(checks));
        return checks.Any(static c => c.Status == DoctorStatus.Fail) ? 1 : 0;
    }
}
