using System.Globalization;
using System.Text.Json.Serialization;

namespace MjBot.Discord.Models;

/// <summary>A Discord permission bit set, carried as a JSON string of its decimal value.</summary>
/// <param name="Value">The bits.</param>
[JsonConverter(typeof(PermissionsJsonConverter))]
public readonly record struct Permissions(ulong Value)
{
    /// <summary>The Administrator bit (grants every permission).</summary>
    public const ulong Administrator = 1UL << 3;

    /// <summary>The Manage Server (MANAGE_GUILD) bit.</summary>
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>The Manage Messages bit.</summary>
    public const ulong ManageMessages = 1UL << 13;

    /// <summary>Gets whether the set includes <paramref name="permission"/>, Administrator counting as every permission.</summary>
    /// <param name="permission">One permission bit.</param>
    /// <returns>Whether it is granted.</returns>
    public bool Has(ulong permission) => (Value & Administrator) != 0 || (Value & permission) == permission;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
