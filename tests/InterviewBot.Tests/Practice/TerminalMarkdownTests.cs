using InterviewBot.Features.Practice;

namespace InterviewBot.Tests.Practice;

public sealed class TerminalMarkdownTests
{
    [Theory]
    [InlineData("a **due** job", "a [bold]due[/] job")]
    [InlineData("**Job store**: a table", "[bold]Job store[/]: a table")]
    [InlineData("SELECT a[1] FROM t", "SELECT a[[1]] FROM t")]
    [InlineData("## Trade-offs\nbody", "[bold]Trade-offs[/]\nbody")]
    [InlineData("2 ** 3 stays", "2 ** 3 stays")]
    [InlineData("line\r\nnext", "line\nnext")]
    public void ToMarkup_BoldHeadingsAndBrackets(string markdown, string expected) =>
        Assert.Equal(expected, TerminalMarkdown.ToMarkup(markdown));
}
