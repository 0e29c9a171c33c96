using System.Globalization;

namespace MjBot.Cli;

/// <summary>Byte counts for people: 512 B, 3.4 KB, 1.2 MB, 6.94 GB (decimal units, as the hub shows sizes).</summary>
internal static class ByteCounts
{
    public static string Format(long bytes) => bytes switch
    {
        < 1_000 => $"{bytes} B",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.#} KB"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.##} GB"),
    };
}
