using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Community;

/// <summary>
/// What a member's question suggestion must satisfy before it reaches the moderators: at most
/// <see cref="MaxPendingPerMember"/> waiting per member, a prompt that fits an embed title, a reference answer long
/// enough to derive key points from (<see cref="MinAnswerWords"/> words, and at least 3 key terms outside code blocks
/// for <see cref="KeyPointDeriver"/>) and short enough for an embed, a known
/// category or a well-formed new one, and a difficulty. Every problem is reported at once, in words a member can
/// act on, for an ephemeral reply.
/// </summary>
public static partial class SuggestionRules
{
    public const int MaxPendingPerMember = 5;
    public const int MaxPromptLength = QuestionLimits.PromptLength;
    public const int MaxAnswerLength = QuestionLimits.AnswerLength;
    public const int MinAnswerWords = 20;
    public const int MaxHintLength = QuestionLimits.HintLength;

    // How many known categories a "not a category" message lists before "…".
    private const int CategoriesShown = 20;

    /// <summary>Null when the member may suggest another question; otherwise the reason they may not, for the reply.</summary>
    public static string? CheckPendingLimit(int pendingSuggestions) => pendingSuggestions < MaxPendingPerMember
        ? null
        : $"You already have {pendingSuggestions} suggestions waiting for a moderator (the limit is {MaxPendingPerMember}). " +
          "You can suggest another once one of them is accepted or rejected.";

    /// <summary>Checks every field of <paramref name="suggestion"/>; <paramref name="knownCategories"/> are the bank's and the server's.</summary>
    public static SuggestionCheck Validate(SuggestedQuestion suggestion, IEnumerable<string> knownCategories)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(knownCategories);
        var problems = new List<string>();

        var prompt = (suggestion.Prompt ?? string.Empty).Trim();
        if (prompt.Length == 0)
        {
            problems.Add("The question is empty: write the question you want members to answer.");
        }
        else if (prompt.Length > MaxPromptLength)
        {
            problems.Add($"The question is {prompt.Length} characters; keep it to {MaxPromptLength} (Discord's title limit) and move details into the answer.");
        }

        var answer = (suggestion.Answer ?? string.Empty).Trim();
        var words = TextNormalizer.Tokens(answer).Count;
        if (answer.Length > MaxAnswerLength)
        {
            problems.Add($"The reference answer is {answer.Length} characters; keep it to {MaxAnswerLength} (Discord's embed limit).");
        }
        else if (words < MinAnswerWords)
        {
            problems.Add(words == 0
                ? $"The reference answer is empty: write what a good answer says, in at least {MinAnswerWords} words."
                : $"The reference answer has {words} word{(words == 1 ? string.Empty : "s")}; write at least {MinAnswerWords}, so members can compare theirs and key points can be found in it.");
        }
        else if (KeyPointDeriver.Derive(answer).Count < QuestionLimits.MinKeyPoints)
        {
            // Answers are scored against key points derived from this text; code blocks and filler words do not count.
            problems.Add($"The reference answer needs at least {QuestionLimits.MinKeyPoints} distinct key terms outside code blocks, so answers can be scored: explain the idea in words, not only in code.");
        }

        var known = knownCategories.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var category = (suggestion.Category ?? string.Empty).Trim().ToLowerInvariant();
        var isNew = false;
        if (category.Length == 0)
        {
            problems.Add($"Choose a category: {List(known)}.");
        }
        else if (!known.Contains(category))
        {
            if (CategorySlug().IsMatch(category))
            {
                isNew = true;
            }
            else
            {
                problems.Add($"'{Shorten(category)}' is not a category. Choose one of {List(known)}, or propose a new one as a short lowercase slug such as `message-queues`.");
            }
        }

        var difficulty = Difficulty.Medium;
        if (!DifficultyNames.TryParse(suggestion.Difficulty, out difficulty))
        {
            problems.Add($"'{Shorten(suggestion.Difficulty ?? string.Empty)}' is not a difficulty: use easy, medium or hard.");
        }

        var hint = suggestion.Hint?.Trim();
        if (hint is { Length: > MaxHintLength })
        {
            problems.Add($"The hint is {hint.Length} characters; keep it to {MaxHintLength}.");
        }

        return new SuggestionCheck(problems, category, difficulty, isNew);
    }

    /// <summary>
    /// The question an accepted suggestion becomes: trimmed fields, key points derived from the answer
    /// (<see cref="KeyPointDeriver"/>) and an id from <see cref="MakeId"/>.
    /// </summary>
    public static Question ToQuestion(SuggestedQuestion suggestion, SuggestionCheck check, IEnumerable<string> takenIds)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(check);
        if (!check.IsValid)
        {
            throw new ArgumentException("the suggestion has problems; validate it first", nameof(check));
        }

        var answer = suggestion.Answer.Trim();
        return new Question
        {
            Id = MakeId(check.Category, suggestion.Prompt, takenIds),
            Category = check.Category,
            Difficulty = check.Difficulty,
            Prompt = suggestion.Prompt.Trim(),
            Answer = answer,
            KeyPoints = KeyPointDeriver.Derive(answer),
            Hint = string.IsNullOrWhiteSpace(suggestion.Hint) ? null : suggestion.Hint.Trim(),
        };
    }

    /// <summary>
    /// A question id ("caching-cache-stampede-stop") from the category and the prompt's first content words, valid
    /// for the bank's id rule (3-64 of a-z, 0-9, '-') and not in <paramref name="takenIds"/> (a "-2", "-3", … suffix
    /// when needed).
    /// </summary>
    public static string MakeId(string category, string prompt, IEnumerable<string> takenIds)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(takenIds);
        var taken = takenIds.ToHashSet(StringComparer.Ordinal);
        var words = Words(prompt).Where(w => w.Length >= 2 && !EnglishStopWords.Contains(Stemmer.Stem(w))).Take(4).ToList();
        var parts = new List<string>();
        var prefix = Ascii(category);
        if (prefix.Length > 0)
        {
            parts.Add(prefix);
        }

        parts.AddRange(words);
        var id = string.Join('-', parts);
        if (id.Length < QuestionLimits.MinIdLength)
        {
            id = (id.Length == 0 ? "question" : id + "-question").TrimStart('-');
        }

        // Leave room for a "-NN" suffix within the limit.
        id = id.Length > QuestionLimits.MaxIdLength - 4 ? id[..(QuestionLimits.MaxIdLength - 4)].TrimEnd('-') : id;
        var candidate = id;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
        }

        return candidate;
    }

    private static IEnumerable<string> Words(string text)
    {
        foreach (var token in WordSeparators().Split(text))
        {
            var word = Ascii(token);
            if (word.Length > 0)
            {
                yield return word;
            }
        }
    }

    /// <summary>Only a-z, 0-9 and inner '-': accents are dropped after decomposition (café → cafe).</summary>
    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (c == '-' && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim('-');
    }

    private static string List(List<string> known) => known.Count == 0
        ? "none are configured yet"
        : string.Join(", ", known.Take(CategoriesShown)) + (known.Count > CategoriesShown ? ", …" : string.Empty);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    // The bank parser's slug rule for categories: it must accept what we accept.
    [GeneratedRegex("^[a-z0-9][a-z0-9+#.-]{0,39}$")]
    private static partial Regex CategorySlug();

    [GeneratedRegex(@"[\s/_.,;:!?()\[\]{}""`*]+")]
    private static partial Regex WordSeparators();
}
