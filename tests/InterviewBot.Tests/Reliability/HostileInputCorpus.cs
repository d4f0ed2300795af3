using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace InterviewBot.Tests.Reliability;

/// <summary>The hostile-input corpus (Reliability/Corpus/*.json): cases as data, so adding one needs no code.</summary>
public static partial class HostileInputCorpus
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<HostileAnswer> Answers() => Load<HostileAnswer>("hostile-answers.json");

    public static IReadOnlyList<ForgedInteraction> Interactions() => Load<ForgedInteraction>("forged-interactions.json");

    /// <summary>Replaces <c>{name}</c> placeholders and expands <c>{repeat:N:text}</c>.</summary>
    public static string Expand(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var text = RepeatPattern().Replace(template, m =>
        {
            var count = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return new StringBuilder().Insert(0, m.Groups[2].Value, count).ToString();
        });
        foreach (var (key, value) in values)
        {
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    private static List<T> Load<T>(string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reliability", "Corpus", file)), Options)
            ?? throw new InvalidOperationException($"{file} is empty");

    [GeneratedRegex(@"\{repeat:(\d+):([^}]*)\}")]
    private static partial Regex RepeatPattern();
}

public sealed record HostileAnswer(string Name, string Text);

/// <summary>
/// One forged interaction: a <c>component</c>, <c>modal</c> or <c>command</c> (a path such as <c>daily setup</c> with
/// <see cref="Options"/>), from a member with <see cref="Permissions"/> (none by default), and the exact ephemeral reply:
/// the initial response, or with <see cref="Deferred"/> a deferral and the edit that replaces it.
/// </summary>
public sealed record ForgedInteraction(
    string Name,
    string Kind,
    string? CustomId,
    string? Command,
    string? Message,
    string? Guild,
    string Expected,
    Dictionary<string, JsonElement>? Options = null,
    string? Permissions = null,
    bool Deferred = false);
