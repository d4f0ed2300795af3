using System.Runtime.CompilerServices;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Community;

/// <summary>
/// Near-duplicate detection for suggested questions: word-shingle Jaccard similarity.
/// <para>
/// A text becomes its normalised, stemmed tokens (<see cref="TextNormalizer"/>) without English stop words, and then
/// the set of its 3-word shingles (every run of <see cref="ShingleSize"/> consecutive tokens; a text with fewer
/// tokens is one shingle of all of them). Two texts score |A ∩ B| / |A ∪ B|, from 0 (nothing shared) to 1 (same
/// content words in the same order). Case, punctuation, Markdown, plurals and filler words ("what is a", "how would
/// you") do not count, so rewordings that keep the content words score high; a synonym swapped in costs the three
/// shingles it sits in, so synonyms are not caught.
/// </para>
/// <para>
/// Questions are compared by prompt, with the reference answer weighted lower: the score is the prompt similarity,
/// raised to <c><see cref="PromptWeight"/> × prompt + <see cref="AnswerWeight"/> × answer</c> when that is higher.
/// So a similar answer can strengthen a match but a different answer never hides a duplicate prompt, and a similar
/// answer alone (at most 0.25) never flags one.
/// </para>
/// </summary>
public static class QuestionSimilarity
{
    /// <summary>
    /// At or above this score a suggestion is flagged to moderators as a likely duplicate of the closest question.
    /// Calibrated on the bundled bank: a prompt reworded around the same content words scores far above it, one content word
    /// swapped out of eight still scores about 0.37, while the most similar pair of distinct bank questions scores
    /// under 0.1 (tests check all three). It flags, it does not refuse: a moderator decides.
    /// </summary>
    public const double LikelyDuplicateThreshold = 0.3;

    public const int ShingleSize = 3;
    public const double PromptWeight = 0.75;
    public const double AnswerWeight = 0.25;

    private static readonly ConditionalWeakTable<Question, Shingled> Cache = [];

    /// <summary>Whether <paramref name="score"/> is high enough to flag a likely duplicate.</summary>
    public static bool IsLikelyDuplicate(double score) => score >= LikelyDuplicateThreshold;

    /// <summary>The most similar question and its score (0-1), or null when nothing shares a shingle with the candidate.</summary>
    /// <remarks>Ties go to the question listed first, so the result is deterministic for an ordered input.</remarks>
    public static (Question Question, double Score)? FindClosest(string candidatePrompt, string? candidateAnswer, IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(candidatePrompt);
        ArgumentNullException.ThrowIfNull(questions);
        var candidate = new Shingled(Shingles(candidatePrompt), Shingles(candidateAnswer ?? string.Empty));
        (Question Question, double Score)? best = null;
        foreach (var question in questions)
        {
            var other = Cache.GetValue(question, static q => new Shingled(Shingles(q.Prompt), Shingles(q.Answer)));
            var score = Combine(candidate, other);
            if (score > 0 && (best is null || score > best.Value.Score))
            {
                best = (question, score);
            }
        }

        return best;
    }

    /// <summary>The similarity (0-1) of two questions given as prompt and optional answer.</summary>
    public static double Score(string promptA, string? answerA, string promptB, string? answerB)
    {
        ArgumentNullException.ThrowIfNull(promptA);
        ArgumentNullException.ThrowIfNull(promptB);
        return Combine(
            new Shingled(Shingles(promptA), Shingles(answerA ?? string.Empty)),
            new Shingled(Shingles(promptB), Shingles(answerB ?? string.Empty)));
    }

    /// <summary>Jaccard similarity of two texts' shingle sets; 0 when either has no content words.</summary>
    public static double Jaccard(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Jaccard(Shingles(a), Shingles(b));
    }

    private static double Combine(Shingled a, Shingled b)
    {
        var prompt = Jaccard(a.Prompt, b.Prompt);
        if (a.Answer.Count == 0 || b.Answer.Count == 0)
        {
            return prompt;
        }

        return Math.Max(prompt, (PromptWeight * prompt) + (AnswerWeight * Jaccard(a.Answer, b.Answer)));
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static HashSet<string> Shingles(string text)
    {
        var tokens = TextNormalizer.Tokens(text).Where(t => !EnglishStopWords.Contains(t)).ToArray();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return shingles;
        }

        if (tokens.Length < ShingleSize)
        {
            shingles.Add(string.Join(' ', tokens));
            return shingles;
        }

        for (var i = 0; i + ShingleSize <= tokens.Length; i++)
        {
            shingles.Add(string.Join(' ', tokens, i, ShingleSize));
        }

        return shingles;
    }

    private sealed record Shingled(HashSet<string> Prompt, HashSet<string> Answer);
}
