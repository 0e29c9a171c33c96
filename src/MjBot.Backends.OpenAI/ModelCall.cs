using OpenAI.Images;

namespace MjBot.Backends.OpenAI;

/// <summary>The client of the request's model, and what that model accepts.</summary>
internal sealed record ModelCall(ImageClient Client, ImageModel Model);
