using MjBot.Core.Generation;

namespace MjBot.Core.Ports;

/// <summary>Reads an image a member brought (an attachment or a link's content) in whatever format it came, and hands
/// it on as the PNG the rest of MjBot works with.</summary>
public interface IImageReader
{
    /// <summary>Reads <paramref name="data"/>; a file that is not an image MjBot reads, damaged, or too large is
    /// refused with the reason, never thrown.</summary>
    ImageReadResult Read(byte[] data);
}
