using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MjBot.Configuration;

/// <summary>Binds and validates every options section and collects what is wrong, instead of failing on the
/// first one: a self-hoster fixes all of it in one go.</summary>
internal static class ConfigurationProblems
{
    public static IReadOnlyList<string> Find(IServiceProvider services, IReadOnlyCollection<string>? sections = null)
    {
        var problems = new List<string>();
        foreach (var section in services.GetServices<OptionsSection>())
        {
            if (sections is not null && !sections.Contains(section.Name))
            {
                continue;
            }

            try
            {
                section.Resolve(services);
            }
            catch (OptionsValidationException ex)
            {
                problems.AddRange(ex.Failures);
            }
            catch (InvalidOperationException ex)
            {
                // The binder's message names the key and the expected type, e.g.
                // "Failed to convert configuration value at 'Queue:MaxWaitingPerUser' to type 'System.Int32'."
                problems.Add($"{section.Name}: {ex.Message}");
            }
        }

        return problems;
    }
}
