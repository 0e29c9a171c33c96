using System.IO.Compression;
using System.Text;

namespace MjBot.DiscordEmulator.Gateway;

/// <summary>The sending side of zlib-stream: one deflate context per connection; every message is sync-flushed, so it
/// ends with 00 00 ff ff. Not thread-safe: the connection's send lock guards it.</summary>
internal sealed class ZlibStreamDeflater : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly ZLibStream _zlib;

    public ZlibStreamDeflater()
    {
        _zlib = new ZLibStream(_output, CompressionLevel.Fastest, leaveOpen: true);
    }

    public byte[] Compress(string json)
    {
        _output.SetLength(0);
        _zlib.Write(Encoding.UTF8.GetBytes(json));
        _zlib.Flush();
        return _output.ToArray();
    }

    public void Dispose()
    {
        _zlib.Dispose();
        _output.Dispose();
    }
}
