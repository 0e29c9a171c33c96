using System.IO.Compression;
using System.Text;

namespace MjBot.Discord.Gateway;

/// <summary>Discord's zlib-stream transport compression: one inflate context for the whole connection. Binary
/// messages are buffered until the buffer ends with <c>00 00 ff ff</c> (a sync flush), then inflated into one UTF-8
/// JSON message. Make a new one for every connection, resumes included.</summary>
public sealed class ZlibStreamInflater : IDisposable
{
    private static readonly byte[] SyncFlush = [0x00, 0x00, 0xFF, 0xFF];

    private readonly MemoryStream _pending = new();
    private readonly FeedStream _feed = new();
    private readonly ZLibStream _zlib;
    private readonly byte[] _chunk = new byte[16 * 1024];
    private readonly MemoryStream _output = new();

    public ZlibStreamInflater()
    {
        _zlib = new ZLibStream(_feed, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Adds one binary WebSocket message (complete, across all its receives).</summary>
    /// <param name="message">The message's bytes.</param>
    /// <returns>The inflated JSON when the buffer now ends a flush; otherwise <see langword="null"/>.</returns>
    /// <exception cref="InvalidDataException">The stream is corrupt: close the connection and reconnect with a new inflater.</exception>
    public string? Push(ReadOnlySpan<byte> message) =>
        TryPush(message, out var json) ? Encoding.UTF8.GetString(json) : null;

    /// <summary>Adds one binary WebSocket message; when the buffer now ends a flush, gives the inflated UTF-8 JSON,
    /// valid until the next call (no copy, no string).</summary>
    /// <param name="message">The message's bytes.</param>
    /// <param name="json">The inflated JSON, when complete.</param>
    /// <returns>Whether a whole payload was inflated.</returns>
    /// <exception cref="InvalidDataException">The stream is corrupt: close the connection and reconnect with a new inflater.</exception>
    public bool TryPush(ReadOnlySpan<byte> message, out ReadOnlySpan<byte> json)
    {
        _pending.Write(message);
        if (_pending.Length < SyncFlush.Length || !_pending.GetBuffer().AsSpan((int)_pending.Length - SyncFlush.Length, SyncFlush.Length).SequenceEqual(SyncFlush))
        {
            json = default;
            return false;
        }

        _feed.Set(_pending.GetBuffer(), (int)_pending.Length);
        _output.SetLength(0);
        int read;
        while ((read = _zlib.Read(_chunk)) > 0)
        {
            _output.Write(_chunk, 0, read);
        }

        _pending.SetLength(0);
        json = _output.GetBuffer().AsSpan(0, (int)_output.Length);
        return true;
    }

    public void Dispose()
    {
        _zlib.Dispose();
        _feed.Dispose();
        _pending.Dispose();
        _output.Dispose();
    }

    // The decompressor's source: it holds the current message's bytes and reports end-of-data between messages, while
    // the decompressor keeps its state for the next one.
    private sealed class FeedStream : Stream
    {
        private byte[] _data = [];
        private int _length;
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void Set(byte[] data, int length)
        {
            _data = data;
            _length = length;
            _position = 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, _length - _position);
            _data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
