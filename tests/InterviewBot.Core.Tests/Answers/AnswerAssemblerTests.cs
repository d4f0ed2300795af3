using InterviewBot.Core.Answers;

namespace InterviewBot.Core.Tests.Answers;

public sealed class AnswerAssemblerTests
{
    [Fact]
    public void Assemble_JoinsInMessageOrder_SkippingDeletedAndBlank()
    {
        var text = AnswerAssembler.Assemble(
        [
            new AnswerPart(30, "third"),
            new AnswerPart(10, " first "),
            new AnswerPart(20, "deleted", Deleted: true),
            new AnswerPart(25, "   "),
        ]);

        Assert.Equal("first\n\nthird", text);
    }

    [Fact]
    public void Assemble_TooLong_IsCapped_WithoutSplittingASurrogatePair()
    {
        var text = AnswerAssembler.Assemble([new AnswerPart(1, new string('a', 9) + "😀" + "tail")], maxLength: 10);

        Assert.Equal(new string('a', 9), text);
    }

    [Fact]
    public void Assemble_Nothing_IsEmpty() => Assert.Equal(string.Empty, AnswerAssembler.Assemble([]));
}
