namespace InterviewBot.Core.Answers;

/// <summary>
/// Builds a member's answer from the messages they posted in a prompt's thread: in posting order, deleted parts left
/// out, joined by blank lines, and capped so one member cannot make the bot score (or re-post) a novel.
/// </summary>
public static class AnswerAssembler
{
    /// <summary>The most text that counts as one answer: twice a long Discord message, plenty for an interview answer.</summary>
    public const int MaxAnswerLength = 8000;

    public static string Assemble(IEnumerable<AnswerPart> parts, int maxLength = MaxAnswerLength)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = string.Join("\n\n", parts
            .Where(p => !p.Deleted && !string.IsNullOrWhiteSpace(p.Content))
            .OrderBy(p => p.MessageId)
            .Select(p => p.Content.Trim()));
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Never cut a surrogate pair in half.
        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..cut];
    }
}
