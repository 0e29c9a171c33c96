using System.Text;

namespace MjBot.Configuration;

/// <summary>The one paragraph MjBot prints when it cannot start because of its configuration.</summary>
internal static class ConfigurationProblemReport
{
    public static string Format(IReadOnlyList<string> problems)
    {
        var text = new StringBuilder()
            .AppendLine("MjBot cannot start: its configuration is incomplete or invalid.");
        foreach (var problem in problems)
        {
            text.Append("  - ").AppendLine(problem);
        }

        return text
            .Append("Put settings in appsettings.json (copy appsettings.example.json to appsettings.json in the folder ")
            .Append("you start MjBot from), or in environment variables named like MjBot__Discord__Token, or in .env ")
            .AppendLine("when you run docker compose (copy .env.example to .env). Then start MjBot again; `mjbot doctor` checks everything.")
            .ToString();
    }
}
