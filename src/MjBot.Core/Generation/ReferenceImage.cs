namespace MjBot.Core.Generation;

/// <summary>A member's reference image, downloaded safely by the host before the backend runs.</summary>
/// <param name="Role">What it is for.</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record ReferenceImage(ReferenceRole Role, byte[] Png);
