using MjBot.Testing;

namespace MjBot.Tests.SelfHosting;

public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryPaths.InRoot("Dockerfile"));

    [Fact]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheChosenFlavoursRuntime()
    {
        var stages = Lines.Where(static l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime-cpu", stages);
        Assert.Contains("FROM ${CUDA_IMAGE} AS runtime-gpu", stages);
        Assert.Equal("FROM runtime-${FLAVOUR} AS final", stages[^1]);
        Assert.Contains("ARG FLAVOUR=cpu", Lines.TakeWhile(static l => !l.StartsWith("FROM ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dockerfile_TestStageInstallsPrerequisitesAndRunsTheWholeSuite()
    {
        var test = Stage("test");

        Assert.Contains(test, static l => l.Contains("eng/install-test-prerequisites.sh", StringComparison.Ordinal));
        Assert.Contains(test, static l => l.Contains("dotnet test MjBot.sln -c Release --no-build", StringComparison.Ordinal));
        Assert.DoesNotContain(test, static l => l.Contains("--filter", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_OnnxRuntime_ComesFromTheOfficialPackagesAndNothingElseIsDownloaded()
    {
        Assert.Contains(Stage("publish"), static l => l.Contains("dotnet publish src/MjBot/MjBot.csproj -c Release -r linux-x64 --self-contained false -p:MjBotOnnxRuntime=${FLAVOUR} -o /app", StringComparison.Ordinal));
        Assert.Contains(Lines, static l => l.Contains("Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines, static l => l.Contains("fetch-onnxruntime", StringComparison.Ordinal) || l.Contains("npm", StringComparison.Ordinal) || l.Contains("curl", StringComparison.Ordinal) || l.Contains("wget", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines, static l => l.Contains("LibraryPath", StringComparison.Ordinal));
        var project = File.ReadAllText(RepositoryPaths.InRoot("src", "MjBot.Backends.Onnx", "MjBot.Backends.Onnx.csproj"));
        Assert.Contains("<PackageReference Include=\"Microsoft.ML.OnnxRuntime\" Condition=\"'$(MjBotOnnxRuntime)' != 'gpu'\" />", project, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Microsoft.ML.OnnxRuntime.Gpu.Linux\" Condition=\"'$(MjBotOnnxRuntime)' == 'gpu'\" />", project, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_FinalStageRunsAsNonRootWithDataOnAVolumeAfterTheTests()
    {
        var final = Stage("final");

        Assert.Contains("USER $APP_UID", final);
        Assert.Contains("VOLUME /data", final);
        Assert.Contains(final, static l => l.Contains("MjBot__Storage__DataFolder=/data", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"./mjbot\"]", final);
        Assert.Contains(final, static l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.EndsWith("CMD [\"./mjbot\", \"health\"]", StringComparison.Ordinal));
        Assert.Contains(final, static l => l.Contains("MjBot__Operations__HttpAddress=0.0.0.0", StringComparison.Ordinal));
        Assert.Contains(final, static l => l.Contains("MjBot__Logging__Console__FormatterName=json", StringComparison.Ordinal));
        Assert.Contains("COPY --from=test /tests-passed /tests-passed", final);
        Assert.Contains("COPY --from=publish /app .", final);
    }

    [Fact]
    public void Dockerfile_GpuFlavour_RunsOnCuda13WithCudnn9AsTheCudaProviderNeeds()
    {
        var gpu = Stage("runtime-gpu");

        Assert.Contains("ARG CUDA_IMAGE=nvidia/cuda:13.0.0-cudnn-runtime-ubuntu24.04", Lines.TakeWhile(static l => !l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains("COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet", gpu);
        Assert.Contains(gpu, static l => l.Contains("MjBot__Backends__Onnx__ExecutionProvider=cuda", StringComparison.Ordinal));

        // The same user id as the .NET images' "app" user, so the CPU and GPU services can share one data volume.
        Assert.Contains(gpu, static l => l.Contains("useradd --uid 1654 ", StringComparison.Ordinal));
        Assert.Contains(gpu, static l => l.Contains("APP_UID=1654", StringComparison.Ordinal));
    }

    // A stage's lines, from its FROM to the next FROM.
    private static List<string> Stage(string name) =>
        [.. Lines.SkipWhile(l => !(l.StartsWith("FROM ", StringComparison.Ordinal) && l.EndsWith(" AS " + name, StringComparison.Ordinal)))
            .Select(static (l, i) => (l, i))
            .TakeWhile(static x => x.i == 0 || !x.l.StartsWith("FROM ", StringComparison.Ordinal))
            .Select(static x => x.l)];
}
