namespace MjBot.Testing.Hub;

/// <summary>One commit of a stand-in repo: its files with the ids the hub derives from them — the git blob id of what
/// git stores (the file, or for LFS files the pointer file) and, for LFS files, the content's SHA-256.</summary>
public sealed class HubStandInCommit
{
    public HubStandInCommit(string sha, IReadOnlyDictionary<string, byte[]> files, Func<string, bool> inLfs)
    {
        Sha = sha;
        Files = files.ToDictionary(
            static f => f.Key,
            f => new HubStandInFile(f.Key, f.Value, inLfs(f.Key)),
            StringComparer.Ordinal);
    }

    public string Sha { get; }

    public IReadOnlyDictionary<string, HubStandInFile> Files { get; }
}
