using System.Security.Cryptography;
using System.Text;

namespace MjBot.Testing.Hub;

/// <summary>A file of a stand-in commit.</summary>
public sealed class HubStandInFile
{
    public HubStandInFile(string path, byte[] content, bool lfs)
    {
        Path = path;
        Content = content;
        Sha256 = lfs ? Convert.ToHexStringLower(SHA256.HashData(content)) : null;
        Pointer = lfs ? Encoding.ASCII.GetBytes($"version https://git-lfs.github.com/spec/v1\noid sha256:{Sha256}\nsize {content.Length}\n") : null;
        GitBlobId = BlobId(Pointer ?? content);
    }

    public string Path { get; }

    public byte[] Content { get; }

    /// <summary>Gets the LFS object id, or null for a file git stores itself.</summary>
    public string? Sha256 { get; }

    /// <summary>Gets the LFS pointer file git stores in its place, or null.</summary>
    public byte[]? Pointer { get; }

    public string GitBlobId { get; }

    public static string BlobId(byte[] stored) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {stored.Length}\0"), .. stored]));
}
