using System.Text.Json.Serialization;

namespace MjBot.Core.Localization;

/// <summary>Source-generated reading of the catalogue files.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;
