using System.Globalization;
using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>Discord's limits on what a message, a modal or an upload may hold, checked before sending so that a
/// mistake is a clear sentence here rather than a 50035 or 40005 from Discord.</summary>
public static class MessageLimits
{
    /// <summary>Discord's default per-file upload limit (unboosted servers): 10 MiB.</summary>
    public const long DefaultFileBytes = 10L * 1024 * 1024;

    /// <summary>The most one request may carry: 25 MiB.</summary>
    public const long RequestBytes = 25L * 1024 * 1024;

    private const int ContentLength = 2000;
    private const int ActionRows = 5;
    private const int ButtonsPerRow = 5;
    private const int CustomIdLength = 100;
    private const int ButtonLabelLength = 80;
    private const int SelectOptions = 25;
    private const int Choices = 25;
    private const int ModalTitleLength = 45;
    private const int FilesPerMessage = 10;

    /// <summary>Checks <paramref name="data"/> and <paramref name="files"/>; throws <see cref="DiscordLimitException"/>
    /// naming every broken limit.</summary>
    /// <param name="data">The message, choices or modal.</param>
    /// <param name="files">The files to upload with it.</param>
    /// <param name="fileLimitBytes">The per-file limit: the interaction's <c>attachment_size_limit</c> when known.</param>
    public static void Check(MessageBody data, IReadOnlyList<UploadFile>? files = null, long fileLimitBytes = DefaultFileBytes)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<string>();
        if (data.Content is { Length: > ContentLength } content)
        {
            problems.Add($"the content is {content.Length} characters; Discord allows {ContentLength}");
        }

        if (data is InteractionCallbackData callback)
        {
            if (callback.Choices is { Count: > Choices } choices)
            {
                problems.Add($"{choices.Count} autocomplete choices; Discord allows {Choices}");
            }

            if (callback.Title is { Length: > ModalTitleLength } title)
            {
                problems.Add($"the modal title is {title.Length} characters; Discord allows {ModalTitleLength}");
            }

            CheckCustomId(callback.CustomId, "the modal", problems);
        }

        CheckComponents(data.Components ?? [], problems);
        CheckFiles(files ?? [], fileLimitBytes, problems);
        if (problems.Count > 0)
        {
            throw new DiscordLimitException(problems);
        }
    }

    private static void CheckComponents(IReadOnlyList<Component> rows, List<string> problems)
    {
        if (rows.Count > ActionRows)
        {
            problems.Add($"{rows.Count} component rows; Discord allows {ActionRows}");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var children = rows[r].Components ?? [];
            if (rows[r].Type == 1 && children.Count(static c => c.Type == 2) > ButtonsPerRow)
            {
                problems.Add($"row {r + 1} has {children.Count} buttons; Discord allows {ButtonsPerRow}");
            }

            if (rows[r].Type == 1 && children.Any(static c => c.Type == 3) && children.Count > 1)
            {
                problems.Add($"row {r + 1} holds a select menu with other components; a select needs a row of its own");
            }

            foreach (var component in children.Append(rows[r]).Concat(rows[r].Child is { } child ? [child] : []))
            {
                CheckCustomId(component.CustomId, $"a component in row {r + 1}", problems);
                if (component.Label is { Length: > ButtonLabelLength } label && component.Type == 2)
                {
                    problems.Add($"a button label in row {r + 1} is {label.Length} characters; Discord allows {ButtonLabelLength}");
                }

                if (component.Options is { Count: > SelectOptions } options)
                {
                    problems.Add($"a select menu in row {r + 1} has {options.Count} options; Discord allows {SelectOptions}");
                }

                if (component is { Type: 2, Style: 5, Url: null })
                {
                    problems.Add($"a link button in row {r + 1} has no url");
                }
            }
        }
    }

    private static void CheckCustomId(string? customId, string where, List<string> problems)
    {
        if (customId is { Length: 0 or > CustomIdLength })
        {
            problems.Add($"the custom_id of {where} is {customId.Length} characters; Discord allows 1–{CustomIdLength}");
        }
    }

    private static void CheckFiles(IReadOnlyList<UploadFile> files, long fileLimitBytes, List<string> problems)
    {
        if (files.Count > FilesPerMessage)
        {
            problems.Add($"{files.Count} files; Discord allows {FilesPerMessage} per message");
        }

        foreach (var file in files.Where(f => f.Content.Length > fileLimitBytes))
        {
            problems.Add($"{file.FileName} is {MiB(file.Content.Length)}; Discord accepts at most {MiB(fileLimitBytes)} per file here");
        }

        var total = files.Sum(static f => (long)f.Content.Length);
        if (total > RequestBytes)
        {
            problems.Add($"the files add up to {MiB(total)}; Discord accepts at most {MiB(RequestBytes)} per request");
        }
    }

    private static string MiB(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
}
