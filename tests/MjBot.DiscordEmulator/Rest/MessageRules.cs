using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>Discord's documented message and modal limits, checked by hand so they hold with or without the OpenAPI
/// validator: content ≤ 2000, ≤ 10 embeds, ≤ 5 action rows of ≤ 5 buttons, custom_id 1–100 and unique, link buttons
/// with a url and no custom_id, labels ≤ 80, ≤ 10 attachments each naming an uploaded file; modals with a custom_id,
/// a title ≤ 45 and 1–5 components.</summary>
internal static class MessageRules
{
    public static List<FieldError> CheckMessage(JsonNode? body, string prefix, IReadOnlyList<UploadedFile> files)
    {
        var errors = new List<FieldError>();
        if (body is not JsonObject message)
        {
            return errors;
        }

        if (message["content"] is JsonValue content && content.GetValue<string>().Length > 2000)
        {
            errors.Add(new(prefix + "content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."));
        }

        if (message["embeds"] is JsonArray { Count: > 10 })
        {
            errors.Add(new(prefix + "embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."));
        }

        if (message["components"] is JsonArray rows)
        {
            CheckRows(rows, prefix + "components", errors, new HashSet<string>(StringComparer.Ordinal));
        }

        if (message["attachments"] is JsonArray attachments)
        {
            if (attachments.Count > 10)
            {
                errors.Add(new(prefix + "attachments", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."));
            }

            for (var i = 0; i < attachments.Count; i++)
            {
                var id = attachments[i]?["id"];
                var isUpload = id is JsonValue value && (value.TryGetValue<int>(out var n) ? files.Any(f => f.Index == n) : int.TryParse(value.ToString(), out n) && files.Any(f => f.Index == n));
                if (files.Count > 0 && !isUpload && id is not null && !IsSnowflake(id))
                {
                    errors.Add(new($"{prefix}attachments.{i}.id", "ATTACHMENT_NOT_FOUND", "Unknown attachment."));
                }

                if (attachments[i]?["description"] is JsonValue description && description.GetValue<string>().Length > 1024)
                {
                    errors.Add(new($"{prefix}attachments.{i}.description", "BASE_TYPE_MAX_LENGTH", "Must be 1024 or fewer in length."));
                }
            }
        }

        return errors;
    }

    public static List<FieldError> CheckModal(JsonNode? data)
    {
        var errors = new List<FieldError>();
        CheckCustomId(data?["custom_id"], "data.custom_id", errors);
        var title = data?["title"]?.GetValue<string>();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add(new("data.title", "BASE_TYPE_REQUIRED", "This field is required"));
        }
        else if (title.Length > 45)
        {
            errors.Add(new("data.title", "BASE_TYPE_MAX_LENGTH", "Must be 45 or fewer in length."));
        }

        if (data?["components"] is not JsonArray { Count: >= 1 and <= 5 })
        {
            errors.Add(new("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length."));
        }

        return errors;
    }

    public static bool IsEmpty(JsonNode? body, IReadOnlyList<UploadedFile> files) =>
        files.Count == 0
        && string.IsNullOrEmpty(body?["content"]?.GetValue<string>())
        && body?["embeds"] is not JsonArray { Count: > 0 }
        && body?["components"] is not JsonArray { Count: > 0 };

    private static void CheckRows(JsonArray rows, string path, List<FieldError> errors, HashSet<string> customIds)
    {
        if (rows.Count > 5)
        {
            errors.Add(new(path, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length."));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var rowPath = $"{path}.{r}";
            if (rows[r]?["type"]?.GetValue<int>() != 1 || rows[r]?["components"] is not JsonArray children)
            {
                errors.Add(new(rowPath, "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,)."));
                continue;
            }

            if (children.Count is 0 or > 5)
            {
                errors.Add(new(rowPath + ".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length."));
            }

            for (var c = 0; c < children.Count; c++)
            {
                CheckComponent(children[c], $"{rowPath}.components.{c}", errors, customIds);
            }
        }
    }

    private static void CheckComponent(JsonNode? component, string path, List<FieldError> errors, HashSet<string> customIds)
    {
        var type = component?["type"]?.GetValue<int>();
        if (type == 2)
        {
            var style = component!["style"]?.GetValue<int>();
            if (style == 5)
            {
                if (component["url"] is null)
                {
                    errors.Add(new(path + ".url", "BASE_TYPE_REQUIRED", "This field is required"));
                }

                if (component["custom_id"] is not null)
                {
                    errors.Add(new(path + ".custom_id", "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A custom id cannot be used with a link button."));
                }
            }
            else if (style != 6)
            {
                CheckCustomId(component["custom_id"], path + ".custom_id", errors, customIds);
            }

            if (component["label"] is JsonValue label && label.GetValue<string>().Length > 80)
            {
                errors.Add(new(path + ".label", "BASE_TYPE_MAX_LENGTH", "Must be 80 or fewer in length."));
            }
        }
        else if (type == 3)
        {
            CheckCustomId(component!["custom_id"], path + ".custom_id", errors, customIds);
            if (component["options"] is not JsonArray { Count: >= 1 and <= 25 })
            {
                errors.Add(new(path + ".options", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length."));
            }
        }
        else
        {
            errors.Add(new(path + ".type", "BASE_TYPE_CHOICES", "Value must be one of {2, 3}."));
        }
    }

    private static void CheckCustomId(JsonNode? value, string path, List<FieldError> errors, HashSet<string>? seen = null)
    {
        var id = value?.GetValue<string>();
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(new(path, "BASE_TYPE_REQUIRED", "This field is required"));
        }
        else if (id.Length > 100)
        {
            errors.Add(new(path, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length."));
        }
        else if (seen is not null && !seen.Add(id))
        {
            errors.Add(new(path, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated"));
        }
    }

    private static bool IsSnowflake(JsonNode id) => id.ToString().Length >= 15;
}
