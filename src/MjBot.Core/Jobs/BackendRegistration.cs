namespace MjBot.Core.Jobs;

/// <summary>Says a backend of this name is registered in this build (options validation accepts its name).</summary>
/// <param name="Name">The backend's name.</param>
public sealed record BackendRegistration(string Name)
{
    /// <summary>Gets what one server may spend on this backend per UTC day, in US dollars; 0 means no cap (and a
    /// backend that costs nothing has none).</summary>
    public decimal DailyGuildCapUsd { get; init; }
}
