namespace MjBot.Configuration;

/// <summary>A registered options section and how to resolve (bind and validate) it, so that every problem can be
/// collected and reported at once.</summary>
internal sealed record OptionsSection(string Name, Func<IServiceProvider, object> Resolve);
