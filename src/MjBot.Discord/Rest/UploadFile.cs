using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>A file to upload with a message: sent as the multipart part <c>files[n]</c>, described in the JSON payload
/// by an attachment with id n.</summary>
/// <param name="FileName">The file name members see.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The media type.</param>
public sealed record UploadFile(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "image/png")
{
    /// <summary>Gets the attachment descriptors a payload needs for <paramref name="files"/> (ids 0, 1, …).</summary>
    /// <param name="files">The files, in part order.</param>
    /// <returns>One descriptor per file.</returns>
    public static IReadOnlyList<Attachment> Descriptors(IReadOnlyList<UploadFile> files) =>
        [.. files.Select(static (file, index) => new Attachment(new Snowflake((ulong)index), file.FileName))];
}
