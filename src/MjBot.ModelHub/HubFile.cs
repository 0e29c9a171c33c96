namespace MjBot.ModelHub;

/// <summary>A file in a repo's tree as the hub lists it.</summary>
/// <param name="Path">Its path in the repo, with <c>/</c>.</param>
/// <param name="Size">Its size in bytes (the real file's, for LFS files, not the pointer's).</param>
/// <param name="GitBlobId">The git blob id (SHA-1 of <c>blob {size}\0</c> and the content) of what git stores: the file
/// itself, or for LFS files the pointer.</param>
/// <param name="Sha256">The LFS object id (the content's SHA-256, lower-case hex) for LFS files; null otherwise.</param>
public sealed record HubFile(string Path, long Size, string GitBlobId, string? Sha256)
{
    /// <summary>Gets whether the file is stored in LFS (or Xet), checked by SHA-256; others are checked by their git
    /// blob id.</summary>
    public bool IsLarge => Sha256 is not null;
}
