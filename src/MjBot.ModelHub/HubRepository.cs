namespace MjBot.ModelHub;

/// <summary>A model repository on the hub and the revision (branch, tag, <c>refs/pr/N</c> or commit) to read.</summary>
/// <param name="Id">The repo id, <c>owner/name</c> (or a bare legacy <c>name</c>).</param>
/// <param name="Revision">The revision; <c>main</c> when none is given.</param>
public sealed record HubRepository(string Id, string Revision)
{
    public const string DefaultRevision = "main";

    /// <summary>Gets the repo's name without its owner.</summary>
    public string Name => Id[(Id.LastIndexOf('/') + 1)..];

    /// <summary>Reads <c>owner/name[@revision]</c>, or says why it is not one. Repo ids follow the hub's rules: letters,
    /// digits, <c>-</c>, <c>_</c> and <c>.</c>, at most 96 characters a part, no <c>--</c> or <c>..</c>, not ending in
    /// <c>.git</c>. A full <c>https://huggingface.co/owner/name</c> address is accepted too.</summary>
    public static bool TryParse(string text, out HubRepository repository, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        repository = null!;
        var value = text.Trim();
        foreach (var prefix in (string[])["https://huggingface.co/", "http://huggingface.co/", "hf.co/", "huggingface.co/"])
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[prefix.Length..];
            }
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        var id = (at < 0 ? value : value[..at]).TrimEnd('/');
        var revision = at < 0 ? DefaultRevision : value[(at + 1)..];
        var parts = id.Split('/');
        if (id.Length == 0 || parts.Length > 2 || !parts.All(IsPart))
        {
            problem = $"\"{text}\" is not a Hugging Face repo id: write owner/name (letters, digits, -, _ and .), e.g. stabilityai/sdxl-turbo, optionally @revision.";
            return false;
        }

        if (revision.Length == 0 || revision.Length > 255 || revision.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)) || revision.Contains("..", StringComparison.Ordinal))
        {
            problem = $"\"{revision}\" after @ is not a revision: name a branch, a tag, refs/pr/N or a commit, e.g. {id}@main.";
            return false;
        }

        repository = new HubRepository(id, revision);
        problem = string.Empty;
        return true;
    }

    public override string ToString() => Revision == DefaultRevision ? Id : $"{Id}@{Revision}";

    private static bool IsPart(string part) =>
        part.Length is > 0 and <= 96
        && part.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && char.IsAsciiLetterOrDigit(part[0]) && char.IsAsciiLetterOrDigit(part[^1])
        && !part.Contains("--", StringComparison.Ordinal) && !part.Contains("..", StringComparison.Ordinal)
        && !part.EndsWith(".git", StringComparison.OrdinalIgnoreCase);
}
