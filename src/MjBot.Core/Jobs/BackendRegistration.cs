namespace MjBot.Core.Jobs;

/// <summary>Says a backend of this name is registered in this build (options validation accepts its name).</summary>
/// <param name="Name">The backend's name.</param>
public sealed record BackendRegistration(string Name);
