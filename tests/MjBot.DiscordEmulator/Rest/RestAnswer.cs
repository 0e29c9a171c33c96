using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>What the emulator answers: a status and a JSON body (none for 204), and Discord's error code if refused.</summary>
internal sealed record RestAnswer(int Status, JsonNode? Body)
{
    public static RestAnswer NoContent { get; } = new(204, null);

    public int? ErrorCode => Status >= 400 ? Body?["code"]?.GetValue<int>() : null;

    public static RestAnswer Ok(JsonNode body) => new(200, body);

    /// <summary>Discord's error shape: <c>{"code":…,"message":…}</c>.</summary>
    public static RestAnswer Error(int status, int code, string message) =>
        new(status, new JsonObject { ["code"] = code, ["message"] = message });

    /// <summary>50035 with the error tree: keys and array indices down to <c>{"_errors":[{code,message}]}</c>.</summary>
    public static RestAnswer InvalidFormBody(IEnumerable<FieldError> errors)
    {
        var tree = new JsonObject();
        foreach (var error in errors)
        {
            var node = tree;
            foreach (var part in error.Path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (node[part] is not JsonObject next)
                {
                    next = new JsonObject();
                    node[part] = next;
                }

                node = next;
            }

            if (node["_errors"] is not JsonArray leaves)
            {
                leaves = [];
                node["_errors"] = leaves;
            }

            leaves.Add(new JsonObject { ["code"] = error.Code, ["message"] = error.Message });
        }

        return new RestAnswer(400, new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = tree });
    }
}
