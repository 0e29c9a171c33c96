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
    public void Dockerfile_OnnxRuntime_FetchedByTheProjectsScriptAndPointedAt()
    {
        Assert.Contains("RUN MJBOT_ORT_DIR=/ort/lib eng/fetch-onnxruntime.sh", Stage("ort"));
        Assert.Contains("COPY --from=ort /ort/lib/libonnxruntime.so.1 .native/onnxruntime/libonnxruntime.so.1", Stage("build"));
        Assert.Contains("COPY --from=ort /ort/lib/ /app/onnxruntime/", Stage("runtime-cpu"));
        Assert.Contains(Stage("final"), static l => l.Contains("MjBot__Backends__Onnx__LibraryPath=/app/onnxruntime/libonnxruntime.so.1", StringComparison.Ordinal));
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
    public void Dockerfile_GpuFlavour_RunsOnCuda13WithCudnnAndTheCudaBuildOfOnnxRuntime()
    {
        var gpu = Stage("runtime-gpu");

        Assert.Contains("ARG CUDA_IMAGE=nvidia/cuda:13.0.0-cudnn-runtime-ubuntu24.04", Lines.TakeWhile(static l => !l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains("RUN MJBOT_ORT_FLAVOUR=cuda MJBOT_ORT_DIR=/ort/lib eng/fetch-onnxruntime.sh", Stage("ort-gpu"));
        Assert.Contains("COPY --from=ort-gpu /ort/lib/ /app/onnxruntime/", gpu);
        Assert.Contains("COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet", gpu);
        Assert.Contains(gpu, static l => l.Contains("MjBot__Backends__Onnx__ExecutionProvider=cuda", StringComparison.Ordinal));

        // The same user id as the .NET images' "app" user, so the CPU and GPU services can share one data volume.
        Assert.Contains(gpu, static l => l.Contains("useradd --uid 1654 ", StringComparison.Ordinal));
        Assert.Contains(gpu, static l => l.Contains("APP_UID=1654", StringComparison.Ordinal));
    }

    [Fact]
    public void FetchScript_CudaFlavour_PinsTheCoreAndBothProvidersOfOneRelease()
    {
        var script = File.ReadAllText(RepositoryPaths.InRoot("eng", "fetch-onnxruntime.sh"));
        var start = script.IndexOf("  cuda)", StringComparison.Ordinal);
        var flavour = script[start..script.IndexOf(";;", start, StringComparison.Ordinal)];
        var cuda = System.Text.RegularExpressions.Regex.Matches(flavour, @"""(?<package>[^""|]+)\|(?<member>[^|]+)\|(?<sha>[0-9a-f]{64})\|(?<name>[^""]+)""")
            .ToDictionary(static m => m.Groups["name"].Value, static m => m.Groups["package"].Value);

        Assert.Equal(["libonnxruntime.so.1", "libonnxruntime_providers_cuda.so", "libonnxruntime_providers_shared.so"], cuda.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("onnxruntime-node@1.29.0", cuda["libonnxruntime.so.1"]);
        Assert.Equal(cuda["libonnxruntime_providers_cuda.so"], cuda["libonnxruntime_providers_shared.so"]);
    }

    // A stage's lines, from its FROM to the next FROM.
    private static List<string> Stage(string name) =>
        [.. Lines.SkipWhile(l => !(l.StartsWith("FROM ", StringComparison.Ordinal) && l.EndsWith(" AS " + name, StringComparison.Ordinal)))
            .Select(static (l, i) => (l, i))
            .TakeWhile(static x => x.i == 0 || !x.l.StartsWith("FROM ", StringComparison.Ordinal))
            .Select(static x => x.l)];
}
