using System.Text.Json.Nodes;

namespace DiscordEmulator.Rest;

/// <summary>Collects 50035 field errors and nests them as Discord does: errors.embeds.0.title._errors[].</summary>
internal sealed class FormErrors
{
    private readonly List<(string Path, string Code, string Message)> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<(string Path, string Code, string Message)> Items => _items;

    public void Add(string path, string code, string message) => _items.Add((path, code, message));

    public void MaxLength(string path, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        }
    }

    public void Length(string path, string? value, int min, int max)
    {
        var len = value?.Trim().Length ?? 0;
        if (len < min || len > max)
        {
            Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw DiscordApiException.InvalidForm(this);
        }
    }

    public JsonObject ToJson()
    {
        var root = new JsonObject();
        foreach (var (path, code, message) in _items)
        {
            var node = root;
            foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (node[part] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[part] = child;
                }

                node = child;
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = code, ["message"] = message });
        }

        return root;
    }
}
