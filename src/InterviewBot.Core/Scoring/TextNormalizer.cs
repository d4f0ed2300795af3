using System.Text;

namespace InterviewBot.Core.Scoring;

/// <summary>
/// Turns text into the word tokens the scorer compares (rules in questions/README.md): Unicode NFKC, lower case,
/// Markdown and punctuation as separators, apostrophes inside words dropped, <c>c#</c>/<c>c++</c> kept, and each
/// word stemmed by <see cref="Stemmer"/>. Works on spans so scoring a long answer allocates almost nothing.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The normalised, stemmed words of <paramref name="text"/>, for tests and tools.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = t_buffer ?? new TokenBuffer();
        Tokenize(text, ref buffer);
        var result = new string[buffer.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = buffer.Token(i).ToString();
        }

        t_buffer = buffer;
        return result;
    }

    // One reusable buffer per thread: compiling a question's phrases calls this once per phrase.
    [ThreadStatic]
    private static TokenBuffer? t_buffer;

    /// <summary>Tokenizes into <paramref name="buffer"/>, which is cleared first and may be reused.</summary>
    internal static void Tokenize(string text, ref TokenBuffer buffer)
    {
        buffer.Clear();
        if (!text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        buffer.EnsureCapacity(text.Length);
        var tokenStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (tokenStart < 0)
                {
                    tokenStart = buffer.Length;
                }

                buffer.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (tokenStart >= 0)
            {
                // "don't" → "dont": an apostrophe between letters is part of the word, not a separator.
                if ((c == '\'' || c == '\u2019') && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    continue;
                }

                // "c#", "f#", "c++" survive as words; elsewhere '#' and '+' are punctuation.
                if (buffer.Length - tokenStart == 1 && IsLanguageSuffix(text, i, out var suffixLength))
                {
                    for (var k = 0; k < suffixLength; k++)
                    {
                        buffer.Append(text[i + k]);
                    }

                    i += suffixLength - 1;
                    buffer.EndToken(tokenStart, stem: false);
                    tokenStart = -1;
                    continue;
                }

                buffer.EndToken(tokenStart, stem: true);
                tokenStart = -1;
            }
        }

        if (tokenStart >= 0)
        {
            buffer.EndToken(tokenStart, stem: true);
        }
    }

    private static bool IsLanguageSuffix(string text, int i, out int length)
    {
        length = 0;
        if (text[i] == '#')
        {
            length = 1;
        }
        else if (text[i] == '+' && i + 1 < text.Length && text[i + 1] == '+')
        {
            length = 2;
        }
        else
        {
            return false;
        }

        var after = i + length;
        return after >= text.Length || !char.IsLetterOrDigit(text[after]);
    }
}
