namespace MjBot.Core.Prompting.Parameters;

/// <summary>The closed value sets of the catalogue.</summary>
internal static class KnownValues
{
    /// <summary>Midjourney model versions (8.0 was removed on 2026-07-24).</summary>
    public static readonly string[] Versions = ["1", "2", "3", "4", "5", "5.1", "5.2", "6", "6.1", "7", "8.1", "8.2"];

    /// <summary>Niji versions; a bare <c>--niji</c> means the latest.</summary>
    public static readonly string[] NijiVersions = ["4", "5", "6", "7"];

    /// <summary>The latest Niji, which a bare <c>--niji</c> stands for.</summary>
    public const double LatestNiji = 7;

    /// <summary>The union of <c>--q</c> values across versions.</summary>
    public static readonly double[] Qualities = [0.25, 0.5, 1, 2, 4];

    /// <summary>The schedulers the ONNX Stable Diffusion backend offers.</summary>
    public static readonly string[] Samplers = ["euler_a", "euler", "dpmpp_2m_karras", "lms", "lcm"];

    /// <summary>Niji 5 style names.</summary>
    public static readonly string[] NijiFiveStyles = ["cute", "expressive", "original", "scenic"];

    /// <summary>Version 4 style names.</summary>
    public static readonly string[] VersionFourStyles = ["4a", "4b", "4c"];

    /// <summary>Finds the canonical spelling of <paramref name="value"/> in <paramref name="set"/> by number
    /// (so <c>7.0</c> is <c>7</c>).</summary>
    public static string? Canonical(string[] set, double value) =>
        Array.Find(set, item => double.Parse(item, System.Globalization.CultureInfo.InvariantCulture) == value);
}
