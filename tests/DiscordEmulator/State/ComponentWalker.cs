using System.Text.Json.Nodes;

namespace DiscordEmulator.State;

/// <summary>Walks nested message/modal components (rows, sections, containers, labels, accessories).</summary>
internal static class ComponentWalker
{
    public static IEnumerable<JsonObject> All(JsonArray? components)
    {
        if (components is null)
        {
            yield break;
        }

        foreach (var c in components.OfType<JsonObject>())
        {
            yield return c;
            foreach (var child in Children(c).SelectMany(a => All(a)))
            {
                yield return child;
            }
        }
    }

    private static IEnumerable<JsonArray> Children(JsonObject c)
    {
        if (c["components"] is JsonArray a)
        {
            yield return a;
        }

        if (c["component"] is JsonObject single)
        {
            yield return [single.DeepClone()];
        }

        if (c["accessory"] is JsonObject acc)
        {
            yield return [acc.DeepClone()];
        }
    }
}
