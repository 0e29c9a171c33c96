namespace MjBot.Testing;

/// <summary>Finds the repository root (the folder holding MjBot.sln) and the shared reference folder beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>Gets ../shared: the references and reference data CI places beside the clone.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string InShared(params string[] parts) => Path.Combine([Shared, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MjBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"MjBot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
