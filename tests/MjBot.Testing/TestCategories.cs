namespace MjBot.Testing;

/// <summary>xunit trait values. Tests that read ../shared (PngSuite, the Compose schema) carry
/// <c>[Trait("Category", ReferenceData)]</c>: CI and eng/test.sh run them; the Docker image's test stage, whose build
/// context is the repository alone, runs everything else.</summary>
public static class TestCategories
{
    public const string ReferenceData = "ReferenceData";
}
