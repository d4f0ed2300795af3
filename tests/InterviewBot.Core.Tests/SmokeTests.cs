namespace InterviewBot.Core.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Build_Compiles_True() => Assert.True(typeof(SmokeTests).Assembly.GetName().Name == "InterviewBot.Core.Tests");
}
