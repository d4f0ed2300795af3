using InterviewBot.Features.Community;

namespace InterviewBot.Tests.Community;

public sealed class KeyPointLinesTests
{
    [Fact]
    public void Parse_LabelsWithAndWithoutPhrases_BulletsAndBlankLinesIgnored()
    {
        var problems = new List<string>();

        var points = KeyPointLines.Parse("- Expiry: ttl, expire\n\n• Jitter\r\n* Stampede: thundering herd ,  stampede", problems);

        Assert.Empty(problems);
        Assert.Equal(["Expiry", "Jitter", "Stampede"], points.Select(p => p.Label));
        Assert.Equal(["ttl", "expire"], points[0].Phrases);
        Assert.Equal(["Jitter"], points[1].Phrases);
        Assert.Equal(["thundering herd", "stampede"], points[2].Phrases);
        Assert.All(points, p => Assert.False(p.Derived));
    }

    [Fact]
    public void Parse_Empty_GivesNoPointsAndNoProblem()
    {
        var problems = new List<string>();

        Assert.Empty(KeyPointLines.Parse("  \n ", problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_TooFewPointsAndALongLabel_AreBothReported()
    {
        var problems = new List<string>();

        KeyPointLines.Parse($"Expiry: ttl\n{new string('x', 81)}", problems);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("keep labels to 80", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Give 3 to 7 key points (you gave 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var problems = new List<string>();
        var points = KeyPointLines.Parse("Expiry: ttl, expire\nJitter\nStampede: stampede", problems);

        var again = KeyPointLines.Parse(KeyPointLines.Format(points), problems);

        Assert.Empty(problems);
        Assert.Equal(points.Select(p => (p.Label, string.Join('|', p.Phrases))), again.Select(p => (p.Label, string.Join('|', p.Phrases))));
    }
}
