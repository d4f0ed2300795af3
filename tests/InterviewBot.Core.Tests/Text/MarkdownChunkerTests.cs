using InterviewBot.Core.Text;

namespace InterviewBot.Core.Tests.Text;

public sealed class MarkdownChunkerTests
{
    [Fact]
    public void Split_ShortText_IsOnePiece()
    {
        Assert.Equal(["Hello **world**."], MarkdownChunker.Split("Hello **world**.", 100));
    }

    [Fact]
    public void Split_LongText_PiecesRespectLimit_AndKeepEveryWord()
    {
        var paragraphs = Enumerable.Range(0, 40).Select(i => $"Paragraph {i} " + string.Concat(Enumerable.Repeat("word ", 30)).Trim());
        var text = string.Join("\n\n", paragraphs);

        var pieces = MarkdownChunker.Split(text, 500);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.True(p.Length <= 500, $"{p.Length} characters"));
        Assert.Equal(
            text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
            string.Join(' ', pieces).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Split_CodeBlockAcrossPieces_IsClosedAndReopened()
    {
        var code = string.Join('\n', Enumerable.Range(0, 30).Select(i => $"var x{i} = Compute({i}); // step {i}"));
        var text = "Intro line.\n```csharp\n" + code + "\n```\nAfter.";

        var pieces = MarkdownChunker.Split(text, 300);

        Assert.True(pieces.Count > 2);
        Assert.All(pieces, p => Assert.Equal(0, CountFences(p) % 2));
        Assert.All(pieces.Skip(1).SkipLast(1), p => Assert.StartsWith("```csharp", p, StringComparison.Ordinal));
        Assert.All(pieces, p => Assert.True(p.Length <= 300));
    }

    [Fact]
    public void Split_OneHugeWord_IsCutHard()
    {
        var pieces = MarkdownChunker.Split(new string('x', 250), 100);

        Assert.All(pieces, p => Assert.True(p.Length <= 100));
        Assert.Equal(250, pieces.Sum(p => p.Length));
    }

    private static int CountFences(string piece) => piece.Split('\n').Count(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
}
