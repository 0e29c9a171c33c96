namespace MjBot.Configuration;

/// <summary>The <c>Storage</c> section: where MjBot keeps its database and images.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Gets or sets the data folder (SQLite database, images); relative paths are resolved against the
    /// working directory. The container uses <c>/data</c>.</summary>
    /// <value>The default value is <c>data</c>.</value>
    public string DataFolder { get; set; } = "data";
}
