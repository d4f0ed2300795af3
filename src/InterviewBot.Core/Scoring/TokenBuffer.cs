namespace InterviewBot.Core.Scoring;

/// <summary>Normalised characters of a text and the (start, length) of each token in them; reusable.</summary>
internal struct TokenBuffer
{
    private char[] _chars;
    private (int Start, int Length)[] _tokens;

    public TokenBuffer()
    {
        _chars = new char[256];
        _tokens = new (int, int)[64];
        Length = 0;
        Count = 0;
    }

    public int Length { get; private set; }

    public int Count { get; private set; }

    public readonly ReadOnlySpan<char> Token(int index)
    {
        var (start, length) = _tokens[index];
        return _chars.AsSpan(start, length);
    }

    public void Clear()
    {
        Length = 0;
        Count = 0;
    }

    public void EnsureCapacity(int chars)
    {
        if (_chars.Length < chars + 4)
        {
            _chars = new char[Math.Max(chars + 4, _chars.Length * 2)];
        }
    }

    public void Append(char c)
    {
        if (Length == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[Length++] = c;
    }

    public void EndToken(int start, bool stem)
    {
        var span = _chars.AsSpan(start, Length - start);
        var length = stem ? Stemmer.StemInPlace(span) : span.Length;
        Length = start + length;
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[Count++] = (start, length);
    }
}
