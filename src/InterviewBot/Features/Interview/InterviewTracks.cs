using InterviewBot.Core.Questions;

namespace InterviewBot.Features.Interview;

/// <summary>
/// The named tracks of <c>/interview start track:</c> and the categories each draws from; any category of the bank is
/// a track of its own. <c>backend</c> mixes every technical category (behavioural ones have their own track).
/// </summary>
public static class InterviewTracks
{
    public const string Backend = "backend";

    private static readonly Dictionary<string, string[]> Named = new(StringComparer.Ordinal)
    {
        [Backend] = [],
        ["databases"] = ["databases", "caching"],
        ["apis"] = ["apis", "security"],
        ["system-design"] = ["system-design", "scalability", "distributed-systems"],
        ["behavioral"] = ["behavioral", "remote-work", "engineering"],
    };

    private static readonly string[] NonTechnical = ["behavioral", "remote-work"];

    public static IReadOnlyCollection<string> NamedTracks => Named.Keys;

    /// <summary>The categories of <paramref name="track"/> present in the bank; null when the track is unknown.</summary>
    public static IReadOnlyList<string>? Categories(string track, QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(bank);
        if (track == Backend)
        {
            return [.. bank.Categories.Where(c => !NonTechnical.Contains(c, StringComparer.Ordinal))];
        }

        if (Named.TryGetValue(track, out var categories))
        {
            return [.. categories.Where(c => bank.Categories.Contains(c, StringComparer.Ordinal))];
        }

        return bank.Categories.Contains(track, StringComparer.Ordinal) ? [track] : null;
    }

    /// <summary>Tracks and categories for autocomplete, named tracks first.</summary>
    public static IEnumerable<string> All(QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        return Named.Keys.Concat(bank.Categories.Where(c => !Named.ContainsKey(c)).Order(StringComparer.Ordinal));
    }
}
