namespace MjBot.Testing;

/// <summary>Finds the repository root (the folder holding MjBot.sln) and the vendored test data inside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>Gets tests/data: the public reference data the tests use (PngSuite, the CLIP tokenizer, the Compose
    /// schema, Discord's example payloads and OpenAPI document), vendored with their licences.</summary>
    public static string TestData => Path.Combine(Root, "tests", "data");

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string InTestData(params string[] parts) => Path.Combine([TestData, .. parts]);

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
