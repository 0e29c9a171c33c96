namespace MjBot.Storage;

/// <summary>The <c>Storage</c> section: where MjBot keeps its database and images.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Gets or sets the data folder (SQLite database, images, the gateway session); relative paths are
    /// resolved against the working directory when the options are read, so every reader sees the full path. The
    /// container uses <c>/data</c>.</summary>
    /// <value>The default value is <c>data</c>.</value>
    public string DataFolder { get; set; } = "data";

    /// <summary>Gets the database file in <see cref="DataFolder"/>.</summary>
    public string DatabasePath => Path.Combine(DataFolder, "mjbot.db");

    /// <summary>Gets the folder of image files in <see cref="DataFolder"/>.</summary>
    public string ImagesFolder => Path.Combine(DataFolder, "images");

    /// <summary>Gets whether <paramref name="folder"/> can name a folder at all.</summary>
    internal static bool CanName(string? folder) =>
        !string.IsNullOrWhiteSpace(folder) && folder.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) < 0;
}
