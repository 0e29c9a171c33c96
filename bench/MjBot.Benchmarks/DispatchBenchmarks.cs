using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Discord.Gateway;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;

namespace MjBot.Benchmarks;

/// <summary>The client's work per INTERACTION_CREATE, without sockets: inflate the zlib-stream frame, parse the gateway
/// payload, type the interaction, drop duplicates and start the handler (a no-op here). Per dispatch.</summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private const int Frames = 1024;
    private byte[][] _compressed = [];
    private byte[][] _plain = [];

    [GlobalSetup]
    public void Setup()
    {
        var output = new MemoryStream();
        using var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true);
        _compressed = new byte[Frames][];
        _plain = new byte[Frames][];
        for (var i = 0; i < Frames; i++)
        {
            var json = Encoding.UTF8.GetBytes(SampleDispatch.InteractionCreate(i + 1, 1_300_000_000_000_000_000UL + (ulong)i));
            _plain[i] = json;
            output.SetLength(0);
            zlib.Write(json);
            zlib.Flush();
            _compressed[i] = output.ToArray();
        }
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public int ZlibStream() => Run(_compressed, binary: true);

    [Benchmark(OperationsPerInvoke = Frames)]
    public int PlainText() => Run(_plain, binary: false);

    private static int Run(byte[][] frames, bool binary)
    {
        using var decoder = new GatewayFrameDecoder(binary);
        var dispatcher = new InteractionDispatcher(NoOpHandler.Instance, NullLogger<InteractionDispatcher>.Instance, CancellationToken.None);
        var count = 0;
        foreach (var frame in frames)
        {
            if (decoder.Decode(frame, binary) is { Op: GatewayOpcode.Dispatch, S: { } s, T: { } t, D: { } d })
            {
                dispatcher.OnDispatch(new GatewayDispatch(t, s, d));
                count++;
            }
        }

        return count;
    }

    private sealed class NoOpHandler : IInteractionHandler
    {
        public static NoOpHandler Instance { get; } = new();

        public Task HandleAsync(Interaction interaction, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
