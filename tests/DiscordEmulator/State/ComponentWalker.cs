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

    /// <summary>Gives every component without an id the next free number, in document order, as Discord does.</summary>
    public static JsonArray AssignIds(JsonArray components)
    {
        var all = new List<JsonObject>();
        Collect(components, all);
        var used = all.Select(c => Json.GetLong(c, "id")).OfType<long>().Where(id => id != 0).ToHashSet();
        var next = 1L;
        foreach (var c in all.Where(c => Json.GetLong(c, "id") is null or 0))
        {
            while (used.Contains(next))
            {
                next++;
            }

            c["id"] = next;
            used.Add(next);
        }

        return components;
    }

    private static void Collect(JsonArray components, List<JsonObject> into)
    {
        foreach (var c in components.OfType<JsonObject>())
        {
            into.Add(c);
            if (c["components"] is JsonArray nested)
            {
                Collect(nested, into);
            }

            foreach (var key in new[] { "component", "accessory" })
            {
                if (c[key] is JsonObject single)
                {
                    into.Add(single);
                    if (single["components"] is JsonArray inner)
                    {
                        Collect(inner, into);
                    }
                }
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
