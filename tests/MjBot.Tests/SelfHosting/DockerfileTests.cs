using MjBot.Testing;

namespace MjBot.Tests.SelfHosting;

public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryPaths.InRoot("Dockerfile"));

    [Fact]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheRuntimeImage()
    {
        var stages = Lines.Where(static l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final", stages[^1], StringComparison.Ordinal);
        Assert.Contains(Lines, static l => l.StartsWith("COPY --from=test", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_TestStageInstallsPrerequisitesAndSkipsOnlyReferenceDataTests()
    {
        var test = Lines.SkipWhile(static l => !l.Contains("AS test", StringComparison.Ordinal)).TakeWhile(static l => !l.Contains("AS publish", StringComparison.Ordinal)).ToList();

        Assert.Contains(test, static l => l.Contains("eng/install-test-prerequisites.sh", StringComparison.Ordinal));
        Assert.Contains(test, l => l.Contains($"--filter \"Category!={TestCategories.ReferenceData}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_OnnxRuntime_FetchedByTheProjectsScriptAndPointedAt()
    {
        Assert.Contains("RUN MJBOT_ORT_DIR=/ort/lib eng/fetch-onnxruntime.sh", Lines);
        Assert.Contains("COPY --from=ort /ort/lib/libonnxruntime.so.1 .native/onnxruntime/libonnxruntime.so.1", Lines);
        var final = Lines.SkipWhile(static l => !l.Contains("AS final", StringComparison.Ordinal)).ToList();
        Assert.Contains("COPY --from=ort /ort/lib/libonnxruntime.so.1 /app/libonnxruntime.so.1", final);
        Assert.Contains(final, static l => l.Contains("MjBot__Backends__Onnx__LibraryPath=/app/libonnxruntime.so.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_FinalStageRunsAsNonRootWithDataOnAVolume()
    {
        var final = Lines.SkipWhile(static l => !l.Contains("AS final", StringComparison.Ordinal)).ToList();

        Assert.Contains("USER $APP_UID", final);
        Assert.Contains("VOLUME /data", final);
        Assert.Contains(final, static l => l.Contains("MjBot__Storage__DataFolder=/data", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"./mjbot\"]", final);
        Assert.Contains(final, static l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.EndsWith("CMD [\"./mjbot\", \"health\"]", StringComparison.Ordinal));
        Assert.Contains(final, static l => l.Contains("MjBot__Operations__HttpAddress=0.0.0.0", StringComparison.Ordinal));
        Assert.Contains(final, static l => l.Contains("MjBot__Logging__Console__FormatterName=json", StringComparison.Ordinal));
    }
}
