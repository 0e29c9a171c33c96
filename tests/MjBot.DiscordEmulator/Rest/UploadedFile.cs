namespace MjBot.DiscordEmulator.Rest;

/// <summary>A <c>files[n]</c> part of a multipart request.</summary>
internal sealed record UploadedFile(int Index, string FileName, string ContentType, byte[] Content);
