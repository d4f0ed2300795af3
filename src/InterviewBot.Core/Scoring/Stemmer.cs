using System.Buffers;

namespace InterviewBot.Core.Scoring;

/// <summary>
/// A deliberately small English stemmer: it only needs to map the forms a member writes (plurals, -ing, -ed, a final
/// silent e or y) onto the form the key point uses, the same way on both sides. Every ending comes off only when at
/// least three letters remain, so short words (<c>use</c>, <c>ids</c>) stay as they are.
/// </summary>
public static class Stemmer
{
    private const int MinStem = 3;

    /// <summary>The stem of one lower-case word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var chars = word.ToCharArray();
        return new string(chars, 0, StemInPlace(chars));
    }

    /// <summary>Stems a lower-case word in place and returns the stem's length (never longer than the word).</summary>
    internal static int StemInPlace(Span<char> w)
    {
        var n = w.Length;
        if (n <= MinStem || !char.IsAsciiLetter(w[n - 1]))
        {
            return n;
        }

        // Plurals first, then verb endings on what remains (mappings → mapping → map), as Porter's step 1 does.
        if (EndsWith(w, n, "ies") && n - 3 >= MinStem)
        {
            n -= 2; // queries → queri, matching query → queri below
        }
        else if (EndsWith(w, n, "sses"))
        {
            n -= 2; // classes → class
        }
        else if (EndsWith(w, n, "es") && n - 2 >= MinStem && IsSibilant(w, n - 2))
        {
            n -= 2; // indexes → index, caches → cach, hashes → hash
        }
        else if (w[n - 1] == 's' && w[n - 2] != 's' && n - 1 >= MinStem)
        {
            n -= 1; // jobs → job, replicas → replica
        }

        var strippedVerbEnding = false;
        if (EndsWith(w, n, "ing") && n - 3 >= MinStem && HasVowel(w[..(n - 3)]))
        {
            n -= 3; // string keeps its "ing": "str" has no vowel
            strippedVerbEnding = true;
        }
        else if (EndsWith(w, n, "ed") && n - 2 >= MinStem && HasVowel(w[..(n - 2)]))
        {
            n -= 2;
            strippedVerbEnding = true;
        }

        // mapping → mapp → map; but keep "ll", "ss", "zz" (install, access, buzz).
        if (strippedVerbEnding && n - 1 >= MinStem && w[n - 1] == w[n - 2] && IsUndoubled(w[n - 1]))
        {
            n -= 1;
        }

        if (w[n - 1] == 'e' && n - 1 >= MinStem)
        {
            n -= 1; // cache → cach, so it meets caches/cached/caching
        }
        else if (w[n - 1] == 'y' && n - 1 >= MinStem)
        {
            w[n - 1] = 'i'; // retry → retri, meeting retries → retri
        }

        return n;
    }

    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");

    private static bool HasVowel(Span<char> stem) => stem.IndexOfAny(Vowels) >= 0;

    private static bool EndsWith(Span<char> w, int n, string suffix) =>
        n >= suffix.Length && w[..n].EndsWith(suffix, StringComparison.Ordinal);

    // The "-es" plural follows s, x, z, ch and sh; elsewhere (queues, cookies) the e belongs to the word.
    private static bool IsSibilant(Span<char> w, int end) =>
        w[end - 1] is 's' or 'x' or 'z' || (w[end - 1] == 'h' && end >= 2 && w[end - 2] is 'c' or 's');

    private static bool IsUndoubled(char c) =>
        char.IsAsciiLetterLower(c) && c is not ('l' or 's' or 'z') && !Vowels.Contains(c);
}
