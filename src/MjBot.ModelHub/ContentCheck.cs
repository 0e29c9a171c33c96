using System.Security.Cryptography;
using System.Text;

namespace MjBot.ModelHub;

/// <summary>Checks a file's bytes against what the hub lists: the SHA-256 (the LFS object id) for large files, the git
/// blob id (SHA-1 over <c>"blob {size}\0"</c> and the bytes) for the others. Fed incrementally, so a resumed download
/// re-reads only what is already on disk.</summary>
internal sealed class ContentCheck : IDisposable
{
    private readonly HubFile _file;
    private readonly IncrementalHash _hash;

    public ContentCheck(HubFile file)
    {
        _file = file;
        _hash = IncrementalHash.CreateHash(file.IsLarge ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        if (!file.IsLarge)
        {
            _hash.AppendData(Encoding.ASCII.GetBytes($"blob {file.Size}\0"));
        }
    }

    public void Append(ReadOnlySpan<byte> bytes) => _hash.AppendData(bytes);

    /// <summary>Feeds the first <paramref name="length"/> bytes of <paramref name="path"/>.</summary>
    public void AppendFile(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var left = length;
        while (left > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new IOException($"{path} ended {left} bytes early while it was being checked.");
            }

            _hash.AppendData(buffer, 0, read);
            left -= read;
        }
    }

    /// <summary>Says what is wrong with the bytes fed, or null when they match.</summary>
    public string? Mismatch()
    {
        var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        var expected = _file.IsLarge ? _file.Sha256! : _file.GitBlobId;
        return string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"its {(_file.IsLarge ? "SHA-256" : "git blob id")} is {actual}, the hub lists {expected}";
    }

    public void Dispose() => _hash.Dispose();
}
