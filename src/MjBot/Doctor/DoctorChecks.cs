using Microsoft.Extensions.Configuration;
using MjBot.Configuration;

namespace MjBot.Doctor;

/// <summary>The checks <c>mjbot doctor</c> runs. Each either passes, fails with a fix, or says plainly why it was
/// not checked.</summary>
internal static class DoctorChecks
{
    public static DoctorCheck ConfigurationValid(IReadOnlyList<string> problems) =>
        problems.Count == 0
            ? DoctorCheck.Pass("Configuration", "valid")
            : DoctorCheck.Fail("Configuration", $"{problems.Count} problem(s): " + string.Join(" ", problems),
                "edit appsettings.json (from appsettings.example.json), MjBot__Section__Key environment variables or .env");

    public static DoctorCheck DataFolderWritable(string contentRoot, IConfiguration configuration)
    {
        var folder = Path.GetFullPath(configuration["Storage:DataFolder"] is { Length: > 0 } configured ? configured : "data", contentRoot);
        var probe = Path.Combine(folder, $".doctor-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return DoctorCheck.Pass("Data folder", $"{folder} is writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return DoctorCheck.Fail("Data folder", $"{folder} is not writable: {ex.Message}",
                "create the folder and give MjBot's user write access, or set Storage:DataFolder to another folder");
        }
    }

    public static DoctorCheck DiscordToken(IConfiguration configuration)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = configuration["Discord:Token"] });
        return result.Failed
            ? DoctorCheck.Fail("Discord token", result.FailureMessage, "set Discord:Token (MjBot__Discord__Token in the environment or .env)")
            : DoctorCheck.NotChecked("Discord token", "well-formed; not yet checked with Discord: the live GET /users/@me check arrives with MjBot's Discord client");
    }

    public static DoctorCheck OpenAIKey(IConfiguration configuration) =>
        DoctorCheck.NotChecked("OpenAI key", string.IsNullOrEmpty(configuration["Backends:OpenAI:ApiKey"])
            ? "not set; the OpenAI backend has not landed yet"
            : "set; not checked: the OpenAI backend has not landed yet");

    public static DoctorCheck Onnx() =>
        DoctorCheck.NotChecked("ONNX Runtime", "not checked: the ONNX backend (runtime library, execution provider, model folder) has not landed yet");
}
