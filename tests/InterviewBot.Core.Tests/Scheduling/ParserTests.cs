using InterviewBot.Core.Scheduling;

namespace InterviewBot.Core.Tests.Scheduling;

public sealed class ParserTests
{
    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9:05", 9, 5)]
    [InlineData(" 23:59 ", 23, 59)]
    [InlineData("00:00", 0, 0)]
    public void LocalTime_Valid_Parses(string input, int hour, int minute)
    {
        var result = LocalTimeParser.Parse(input);

        Assert.True(result.Success);
        Assert.Equal(new TimeOnly(hour, minute), result.Value);
    }

    [Theory]
    [InlineData("9am")]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("")]
    [InlineData("noon")]
    public void LocalTime_Invalid_SaysWhatIsAccepted(string input)
    {
        var result = LocalTimeParser.Parse(input);

        Assert.False(result.Success);
        Assert.Contains("HH:mm", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mon-fri", "mon-fri")]
    [InlineData("daily", "daily")]
    [InlineData("", "daily")]
    [InlineData("sat-sun", "sat,sun")]
    [InlineData("weekends", "sat,sun")]
    [InlineData("Mon, Wed, Fri", "mon,wed,fri")]
    [InlineData("monday", "mon")]
    [InlineData("fri-mon", "mon,fri-sun")]
    [InlineData("sun-sat", "daily")]
    public void Weekdays_Valid_ParsesToCanonicalText(string input, string canonical)
    {
        var result = WeekdaySet.Parse(input);

        Assert.True(result.Success, result.Error);
        Assert.Equal(canonical, result.Value.ToString());
    }

    [Theory]
    [InlineData("mon-")]
    [InlineData("funday")]
    [InlineData("mon-tue-wed")]
    [InlineData("m")]
    public void Weekdays_Invalid_SaysWhatIsAccepted(string input)
    {
        var result = WeekdaySet.Parse(input);

        Assert.False(result.Success);
        Assert.Contains("mon-fri", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("8h", 8 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1d", 24 * 60)]
    [InlineData("1h30m", 90)]
    [InlineData("7d", 7 * 24 * 60)]
    public void Delay_Valid_Parses(string input, int minutes)
    {
        var result = DelayParser.Parse(input);

        Assert.True(result.Success, result.Error);
        Assert.Equal(TimeSpan.FromMinutes(minutes), result.Value);
    }

    [Theory]
    [InlineData("1m")]
    [InlineData("8d")]
    [InlineData("soon")]
    [InlineData("24")]
    [InlineData("")]
    public void Delay_InvalidOrOutOfRange_SaysWhatIsAccepted(string input)
    {
        var result = DelayParser.Parse(input);

        Assert.False(result.Success);
        Assert.Contains("between 5m and 7d", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("UTC", "UTC")]
    [InlineData("utc", "UTC")]
    [InlineData("Asia/Kolkata", "Asia/Kolkata")]
    public void TimeZone_Known_Resolves(string input, string expectedId)
    {
        var result = IanaTimeZones.Parse(input);

        Assert.True(result.Success, result.Error);
        Assert.Equal(expectedId, result.Value!.Id);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("CET+1")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void TimeZone_Unknown_SaysWhatIsAccepted(string input)
    {
        var result = IanaTimeZones.Parse(input);

        Assert.False(result.Success);
        Assert.Contains("IANA", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeZoneSearch_Prefix_ReturnsMatchingZonesPrefixFirst()
    {
        var found = IanaTimeZones.Search("europe/be");

        Assert.Contains("Europe/Berlin", found);
        Assert.Contains("Europe/Belgrade", found);
        Assert.All(found, id => Assert.StartsWith("Europe/Be", id, StringComparison.Ordinal));
    }

    [Fact]
    public void TimeZoneSearch_Empty_OffersPopularZonesWithinDiscordsLimit()
    {
        var found = IanaTimeZones.Search("");

        Assert.Contains("UTC", found);
        Assert.InRange(found.Count, 1, 25);
    }

    [Theory]
    [InlineData(0, CatchUpDecision.PostNow)]
    [InlineData(359, CatchUpDecision.PostNow)]
    [InlineData(360, CatchUpDecision.PostNow)]
    [InlineData(361, CatchUpDecision.Skip)]
    [InlineData(-1, CatchUpDecision.NotDue)]
    public void CatchUp_AgainstSixHourGrace_PostsOnlyInsideTheWindow(int minutesLate, CatchUpDecision expected)
    {
        var scheduled = new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, CatchUpPolicy.Decide(scheduled, scheduled.AddMinutes(minutesLate), CatchUpPolicy.DefaultGrace));
    }
}
