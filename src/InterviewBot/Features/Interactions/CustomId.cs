using System.Diagnostics.CodeAnalysis;

namespace InterviewBot.Features.Interactions;

/// <summary>
/// A component's custom_id, <c>feature:action[:arg...]</c> (at most 100 characters). It is input from the client:
/// handlers look up and permission-check whatever ids it carries instead of trusting them.
/// </summary>
public sealed record CustomId(string Feature, string Action, IReadOnlyList<string> Args)
{
    public const int MaxLength = 100;

    public static string Format(string feature, string action, params IReadOnlyList<string> args)
    {
        var text = args.Count == 0 ? $"{feature}:{action}" : $"{feature}:{action}:{string.Join(':', args)}";
        if (text.Length > MaxLength)
        {
            throw new ArgumentException($"custom_id '{text}' is longer than Discord's {MaxLength} characters");
        }

        return text;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out CustomId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length < 2 || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        id = new CustomId(parts[0], parts[1], parts[2..]);
        return true;
    }

    public string? Arg(int index) => index < Args.Count ? Args[index] : null;

    public long? ArgInt64(int index) =>
        long.TryParse(Arg(index), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
