using System.Collections.Concurrent;
using MjBot.Core.Ports;
using MjBot.Discord.Models;

namespace MjBot.Rendering;

/// <summary>The language each server chose for its public messages (<c>/modconfig language</c>), kept in memory: read
/// once per server from its settings, then changed only by that command. An interaction from a server that chose one
/// carries it as its <see cref="Interaction.GuildLocale"/>, so every public message, job and audit entry made from it
/// uses the choice (<see cref="InteractionLocale.ServerLanguage"/>).</summary>
internal sealed class ServerLanguages(ISettingsStore settings)
{
    private readonly ConcurrentDictionary<ulong, string?> _chosen = new();

    public async ValueTask<Interaction> ApplyAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guild)
        {
            return interaction;
        }

        if (!_chosen.TryGetValue(guild.Value, out var language))
        {
            language = (await settings.GetGuildAsync(guild.Value, cancellationToken)).Language;
            _chosen.TryAdd(guild.Value, language);
        }

        return language is null ? interaction : interaction with { GuildLocale = language };
    }

    /// <summary>Records a server's new choice (null: its Discord language again), after it is saved.</summary>
    public void Chosen(ulong guildId, string? language) => _chosen[guildId] = language;
}
