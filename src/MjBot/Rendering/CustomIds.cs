using System.Globalization;
using MjBot.Core.Jobs;

namespace MjBot.Rendering;

/// <summary>What a button or modal means, packed into its custom_id as <c>mj:action:job[:index]</c> (≤ 100
/// characters): the state lives in the database, so buttons keep working after a restart.</summary>
internal static class CustomIds
{
    public const string Prefix = "mj";

    public static string For(string action, JobId job, int index = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{action}:{job}:{index}");

    /// <summary>The remix modal of an action.</summary>
    public static string Modal(string action, JobId job, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}:m-{action}:{job}:{index}");

    public static bool TryParse(string? customId, out string action, out JobId job, out int index)
    {
        action = string.Empty;
        job = default;
        index = 0;
        var parts = customId?.Split(':');
        return parts is [Prefix, var a, var id, var n]
            && JobId.TryParse(id, out job)
            && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && (action = a).Length > 0;
    }
}
