using MjBot.Core.Generation;
using MjBot.Core.Ports;

namespace MjBot.Core.Tests.Fakes;

/// <summary>A backend that makes nothing: its name, slots and capabilities are what the Core types read.</summary>
internal class FakeBackend(string name, int concurrency = 1) : IImageBackend
{
    public string Name => name;

    public int Concurrency => concurrency;

    public BackendCapabilities Capabilities => BackendCapabilities.None;

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Core types under test never generate.");
}
