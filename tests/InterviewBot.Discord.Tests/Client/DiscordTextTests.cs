using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Tests.Client;

public sealed class DiscordTextTests
{
    [Fact]
    public void Truncate_ShortText_IsUnchanged() => Assert.Equal("hello", DiscordText.Truncate("hello", 5));

    [Fact]
    public void Truncate_LongText_EndsWithEllipsisWithinMax()
    {
        var result = DiscordText.Truncate("hello world", 8);

        Assert.Equal("hello w…", result);
        Assert.True(result.Length <= 8);
    }

    [Fact]
    public void Truncate_NeverSplitsSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 10));
        for (var max = 1; max < text.Length; max++)
        {
            var result = DiscordText.Truncate(text, max);

            Assert.True(result.Length <= max);
            for (var i = 0; i < result.Length; i++)
            {
                if (char.IsHighSurrogate(result[i]))
                {
                    Assert.True(i + 1 < result.Length && char.IsLowSurrogate(result[i + 1]), $"split pair at max {max}");
                }

                Assert.False(char.IsLowSurrogate(result[i]) && (i == 0 || !char.IsHighSurrogate(result[i - 1])), $"orphan low surrogate at max {max}");
            }
        }
    }

    [Fact]
    public void Truncate_KeepsEmojiSequencesWhole()
    {
        var family = "👨‍👩‍👧";
        var result = DiscordText.Truncate("ab" + family + family, 2 + family.Length + 1);

        Assert.Equal("ab" + family + "…", result);
    }

    [Fact]
    public void EscapeMarkdown_EscapesFormattingAndLineStartMarkers()
    {
        Assert.Equal(@"\*bold\* \_it\_ \`code\` \~\~s\~\~ \|\|spoiler\|\| \[link\]\(x\)", DiscordText.EscapeMarkdown("*bold* _it_ `code` ~~s~~ ||spoiler|| [link](x)"));
        Assert.Equal("\\# title\n\\> quote\n\\- item a-b", DiscordText.EscapeMarkdown("# title\n> quote\n- item a-b"));
        Assert.Equal(@"\\", DiscordText.EscapeMarkdown(@"\"));
    }

    [Fact]
    public void SanitizeThreadName_CollapsesWhitespaceAndTruncatesTo100()
    {
        Assert.Equal("Q: what is a B-tree?", DiscordText.SanitizeThreadName("  Q:\n what \t is a\u0000 B-tree?  "));
        Assert.Equal("thread", DiscordText.SanitizeThreadName(" \n "));
        Assert.Equal(100, DiscordText.SanitizeThreadName(new string('x', 300)).Length);
    }
}
