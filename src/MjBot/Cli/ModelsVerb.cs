using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MjBot.Backends.Onnx;
using MjBot.Hosting;
using MjBot.ModelHub;

namespace MjBot.Cli;

/// <summary><c>mjbot models add &lt;owner/name&gt;[@revision] [--as alias]</c> downloads an ONNX export from the
/// Hugging Face Hub into the model folder; <c>mjbot models list</c> shows what is installed. Exit codes: 0 done, 1 the
/// hub or the disk refused (what arrived is kept), 64 usage, 78 configuration, 130 interrupted.</summary>
internal static class ModelsVerb
{
    public const int Interrupted = 130;
    public const string StagingFolder = ".downloads";

    private const string Usage = """
        Usage: mjbot models add <owner/name>[@revision] [--as <alias>]
               mjbot models list
        """;

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        if (args.Length == 0 || args[0] is not ("add" or "list"))
        {
            await context.Error.WriteLineAsync(Usage);
            return MjBotCommandLine.UsageError;
        }

        if (!ConfigurationLoader.TryLoad(context, out var configuration, out var problem))
        {
            await context.Error.WriteLineAsync(problem);
            return ConfigurationLoader.ConfigurationError;
        }

        using var services = ConfigurationLoader.BuildOptionsServices(configuration, context.ContentRoot, s => s.AddModelHub(configuration.GetSection(ModelHubOptions.SectionName)));
        OnnxBackendOptions onnx;
        try
        {
            onnx = services.GetRequiredService<IOptions<OnnxBackendOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await context.Error.WriteLineAsync(string.Join(Environment.NewLine, ex.Failures));
            return ConfigurationLoader.ConfigurationError;
        }

        return args[0] == "list"
            ? ModelsList.Run(args[1..], onnx, context)
            : await AddAsync(args[1..], onnx, services, context);
    }

    private static async Task<int> AddAsync(string[] args, OnnxBackendOptions onnx, ServiceProvider services, CliContext context)
    {
        if (!ModelsAddArguments.TryParse(args, out var arguments, out var problem))
        {
            await context.Error.WriteLineAsync(problem);
            await context.Error.WriteLineAsync(Usage);
            return MjBotCommandLine.UsageError;
        }

        ModelDownloader downloader;
        try
        {
            downloader = services.GetRequiredService<ModelDownloader>();
        }
        catch (OptionsValidationException ex)
        {
            await context.Error.WriteLineAsync(string.Join(Environment.NewLine, ex.Failures));
            return ConfigurationLoader.ConfigurationError;
        }

        var target = onnx.FolderOf(arguments.Alias);
        if (Directory.Exists(target))
        {
            var report = OnnxModelFolder.Describe(target);
            var from = report.Source is { } source ? $" ({source.Repo}@{source.Revision}{(source.Commit is { } c ? ", commit " + DownloadProgressBar.Short(c) : string.Empty)})" : string.Empty;
            await context.Error.WriteLineAsync($"mjbot models add: \"{arguments.Alias}\" is installed already in {target}{from}. Choose another name with --as, or delete that folder to download it again.");
            return 1;
        }

        var staging = Path.Combine(onnx.ModelFolder, StagingFolder, arguments.Alias);
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var observer = new DownloadProgressBar(context.Error, context.Interactive, services.GetRequiredService<TimeProvider>());
            var plan = await downloader.InstallAsync(arguments.Repository, OnnxModelFolder.RequiredFiles, staging, target, observer, interrupt.Token);
            return await RegisterAsync(plan, arguments, target, onnx, context);
        }
        catch (HubRequestException ex)
        {
            await context.Error.WriteLineAsync($"mjbot models add: {ex.Message}{KeptNote(staging)}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"mjbot models add: writing under {onnx.ModelFolder} failed ({ex.Message}). Free space or fix the folder's permissions, then run the same command to resume.{KeptNote(staging)}");
            return 1;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"{Environment.NewLine}mjbot models add: stopped.{KeptNote(staging)}");
            return Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Checks the installed folder, writes its mjbot.json and says how to use it.</summary>
    private static async Task<int> RegisterAsync(DownloadPlan plan, ModelsAddArguments arguments, string target, OnnxBackendOptions onnx, CliContext context)
    {
        var report = OnnxModelFolder.Describe(target);
        if (report.FamilyKey is null)
        {
            await context.Error.WriteLineAsync($"mjbot models add: {plan.Repository} was downloaded to {target}, but MjBot cannot run it: {string.Join("; ", report.Problems)}. Delete the folder, or fix it by hand (see the README's ONNX section).");
            return 1;
        }

        var distilled = arguments.Repository.Name.Contains("turbo", StringComparison.OrdinalIgnoreCase);
        var settings = OnnxModelFolder.WriteSettings(target, report.FamilyKey, distilled, plan.Repository.Id, plan.Repository.Revision, plan.Commit);
        await context.Out.WriteLineAsync($"Installed {plan.Repository} (commit {DownloadProgressBar.Short(plan.Commit)}) as \"{arguments.Alias}\" in {target}: {report.Family}, {plan.Files.Count} files, {ByteCounts.Format(plan.TotalBytes)}.");
        await context.Out.WriteLineAsync($"Wrote {Path.Combine(target, OnnxModelFolder.SettingsFile)}{(distilled ? " with the Turbo settings (its name says turbo: 512², 4 steps, no guidance, trailing timesteps; edit it if that is wrong)" : string.Empty)}:");
        await context.Out.WriteLineAsync(settings);
        await context.Out.WriteLineAsync(onnx.DefaultModel == arguments.Alias
            ? "It is the default model (Backends:Onnx:DefaultModel); restart MjBot to load it."
            : $"Members pick it with --model {arguments.Alias}; make it the default with Backends:Onnx:DefaultModel = \"{arguments.Alias}\". Restart MjBot to offer it.");
        return 0;
    }

    private static string KeptNote(string staging) =>
        Directory.Exists(staging) ? $" What arrived is kept in {staging}: run the same command again to resume." : string.Empty;
}
