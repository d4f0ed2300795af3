namespace DiscordEmulator.Rest;

/// <summary>A REST route: method, template (Discord's spec names), handler and rate-limit traits.</summary>
internal sealed class RestRoute(string method, string template, Func<RestCall, RestResult> handler, bool interaction = false, bool requiresAuth = true)
{
    private readonly string[] _segments = template.Trim('/').Split('/');

    public string Method { get; } = method;

    public string Template { get; } = template;

    public Func<RestCall, RestResult> Handler { get; } = handler;

    /// <summary>Interaction callback/webhook routes: exempt from the global limit, authorised by the token in the path.</summary>
    public bool Interaction { get; } = interaction;

    public bool RequiresAuth { get; } = requiresAuth;

    public string Key => $"{Method} {Template}";

    public Dictionary<string, string>? Match(string[] segments)
    {
        if (segments.Length != _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var t = _segments[i];
            if (t.StartsWith('{'))
            {
                if (segments[i].Length == 0)
                {
                    return null;
                }

                values[t[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(t, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>The major parameter that splits the bucket (channel, guild, webhook id + token).</summary>
    public static string Major(IReadOnlyDictionary<string, string> values)
    {
        if (values.TryGetValue("channel_id", out var c))
        {
            return c;
        }

        if (values.TryGetValue("guild_id", out var g))
        {
            return g;
        }

        if (values.TryGetValue("webhook_id", out var w))
        {
            return values.TryGetValue("webhook_token", out var t) ? $"{w}:{t}" : w;
        }

        return values.TryGetValue("interaction_id", out var i) ? i : "";
    }
}
