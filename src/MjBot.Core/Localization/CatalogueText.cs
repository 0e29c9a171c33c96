namespace MjBot.Core.Localization;

/// <summary>A sentence for members kept as its catalogue key and arguments until it is written in the reader's
/// language: what backends, the link fetcher and the job pipeline give, since they do not know who reads it. An
/// argument may itself be a <see cref="CatalogueText"/> (a reason inside a sentence); it is written in the same
/// language.</summary>
public sealed record CatalogueText(string Key, IReadOnlyList<MessageArg> Args)
{
    public static CatalogueText Of(string key, params MessageArg[] args) => new(key, args);

    /// <summary>Gets the sentence in English (logs, the CLI, the exception message).</summary>
    public string English => Localizer.English.Text(Key, [.. Args]);

    public string Text(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer.Text(Key, [.. Args]);
    }

    public override string ToString() => English;
}
