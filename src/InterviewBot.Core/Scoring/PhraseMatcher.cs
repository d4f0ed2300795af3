using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Scoring;

/// <summary>
/// The key points of one question compiled for matching: every phrase tokenized once, indexed by its first token, so
/// an answer is scanned once and each of its tokens costs one dictionary lookup (by span, without allocating).
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly IReadOnlyList<KeyPoint> _keyPoints;
    private readonly Dictionary<string, List<Candidate>>.AlternateLookup<ReadOnlySpan<char>> _byFirstToken;

    public PhraseMatcher(IReadOnlyList<KeyPoint> keyPoints)
    {
        _keyPoints = keyPoints;
        var byFirst = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        for (var k = 0; k < keyPoints.Count; k++)
        {
            foreach (var phrase in keyPoints[k].Phrases)
            {
                var tokens = TextNormalizer.Tokens(phrase);
                if (tokens.Count == 0)
                {
                    continue;
                }

                if (!byFirst.TryGetValue(tokens[0], out var list))
                {
                    byFirst[tokens[0]] = list = [];
                }

                list.Add(new Candidate(k, phrase, [.. tokens]));
            }
        }

        _byFirstToken = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public CoverageResult Match(string answer)
    {
        var matched = new string?[_keyPoints.Count];
        var remaining = _keyPoints.Count;
        var buffer = Buffers.Value;
        TextNormalizer.Tokenize(answer, ref buffer);
        for (var i = 0; i < buffer.Count && remaining > 0; i++)
        {
            if (!_byFirstToken.TryGetValue(buffer.Token(i), out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (matched[candidate.KeyPoint] is null && FollowsAt(ref buffer, i, candidate.Tokens))
                {
                    matched[candidate.KeyPoint] = candidate.Phrase;
                    remaining--;
                }
            }
        }

        Buffers.Value = buffer;
        var points = new KeyPointCoverage[_keyPoints.Count];
        for (var k = 0; k < points.Length; k++)
        {
            points[k] = new KeyPointCoverage(_keyPoints[k], matched[k] is not null, matched[k]);
        }

        return new CoverageResult(points);
    }

    private static bool FollowsAt(ref TokenBuffer buffer, int start, string[] tokens)
    {
        if (start + tokens.Length > buffer.Count)
        {
            return false;
        }

        for (var t = 1; t < tokens.Length; t++)
        {
            if (!buffer.Token(start + t).SequenceEqual(tokens[t]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Candidate(int KeyPoint, string Phrase, string[] Tokens);

    // One reusable buffer per thread: scoring is called from many handlers at once.
    private static class Buffers
    {
        [ThreadStatic]
        private static TokenBuffer? s_buffer;

        public static TokenBuffer Value
        {
            get => s_buffer ?? new TokenBuffer();
            set => s_buffer = value;
        }
    }
}
