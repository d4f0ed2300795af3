using System.Runtime.CompilerServices;
using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Scoring;

/// <summary>
/// Scores an answer against a question's key points: a point is covered when one of its phrases occurs in the answer
/// as consecutive whole words after normalisation (see <see cref="TextNormalizer"/> and questions/README.md).
/// Pure and deterministic; compiled phrase sets are cached per question instance.
/// </summary>
public sealed class KeyPointScorer
{
    private readonly ConditionalWeakTable<IReadOnlyList<KeyPoint>, PhraseMatcher> _matchers = [];

    public CoverageResult Score(Question question, string answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Score(question.KeyPoints, answer);
    }

    public CoverageResult Score(IReadOnlyList<KeyPoint> keyPoints, string answer)
    {
        ArgumentNullException.ThrowIfNull(keyPoints);
        ArgumentNullException.ThrowIfNull(answer);
        var matcher = _matchers.GetValue(keyPoints, static points => new PhraseMatcher(points));
        return matcher.Match(answer);
    }
}
