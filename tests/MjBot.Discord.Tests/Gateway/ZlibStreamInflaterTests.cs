using System.IO.Compression;
using System.Text;
using MjBot.Discord.Gateway;

namespace MjBot.Discord.Tests.Gateway;

public sealed class ZlibStreamInflaterTests
{
    [Fact]
    public void Push_MessagesOfOneStreamSplitAcrossFrames_GivesEachMessageWhole()
    {
        string[] messages =
        [
            """{"op":10,"d":{"heartbeat_interval":41250}}""",
            """{"op":11}""",
            """{"op":0,"s":2,"t":"INTERACTION_CREATE","d":{"id":"1","content":"🦊 über"}}""",
            string.Concat(Enumerable.Repeat("""{"op":0,"s":3,"t":"MESSAGE_CREATE"}""", 400)),
        ];
        var random = new Random(3);
        using var sut = new ZlibStreamInflater();

        var received = new List<string>();
        foreach (var compressed in CompressAsOneStream(messages))
        {
            // One WebSocket message may arrive as several binary messages: split at random points.
            var cuts = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(1, compressed.Length)).Distinct().Order().ToList();
            var start = 0;
            foreach (var end in cuts.Append(compressed.Length))
            {
                if (sut.Push(compressed.AsSpan(start, end - start)) is { } json)
                {
                    received.Add(json);
                }

                start = end;
            }
        }

        Assert.Equal(messages, received);
    }

    [Fact]
    public void Push_PartialMessage_GivesNothingYet()
    {
        using var sut = new ZlibStreamInflater();
        var compressed = CompressAsOneStream(["""{"op":11}"""]).Single();

        Assert.Null(sut.Push(compressed.AsSpan(0, compressed.Length - 1)));
        Assert.Equal("""{"op":11}""", sut.Push(compressed.AsSpan(compressed.Length - 1)));
    }

    [Fact]
    public void Push_CorruptStream_IsInvalidData()
    {
        using var sut = new ZlibStreamInflater();

        Assert.ThrowsAny<InvalidDataException>(() => sut.Push([0x78, 0x9C, 0xFF, 0xFE, 0xFD, 0x00, 0x00, 0xFF, 0xFF]));
    }

    // Each message compressed into one shared zlib stream and sync-flushed, as Discord sends them.
    private static List<byte[]> CompressAsOneStream(IReadOnlyList<string> messages)
    {
        var output = new MemoryStream();
        using var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true);
        var chunks = new List<byte[]>();
        long previous = 0;
        foreach (var message in messages)
        {
            zlib.Write(Encoding.UTF8.GetBytes(message));
            zlib.Flush();
            var bytes = output.ToArray();
            chunks.Add(bytes[(int)previous..]);
            previous = bytes.Length;
        }

        Assert.All(chunks, static c => Assert.Equal([0x00, 0x00, 0xFF, 0xFF], c[^4..]));
        return chunks;
    }
}
