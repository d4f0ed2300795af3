using InterviewBot.Core.Digest;

namespace InterviewBot.Core.Tests.Digest;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DigestSchedule Schedule(DayOfWeek day, string time) => new(day, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), Berlin);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void NextFireAfter_Winter_IsLocalTimeAtPlusOne()
    {
        var fire = Schedule(DayOfWeek.Monday, "09:00").NextFireAfter(Utc(2026, 1, 14, 12));

        Assert.Equal(Utc(2026, 1, 19, 8), fire);
        Assert.Equal(TimeSpan.FromHours(1), fire.Offset);
    }

    [Fact]
    public void NextFireAfter_AcrossSpringForward_StaysAtNineLocal()
    {
        var schedule = Schedule(DayOfWeek.Monday, "09:00");

        var before = schedule.NextFireAfter(Utc(2026, 3, 20, 0));
        var after = schedule.NextFireAfter(before);

        Assert.Equal(Utc(2026, 3, 23, 8), before);
        Assert.Equal(Utc(2026, 3, 30, 7), after);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, Berlin).DateTime));
    }

    [Fact]
    public void NextFireAfter_AcrossFallBack_StaysAtNineLocal()
    {
        var schedule = Schedule(DayOfWeek.Monday, "09:00");

        var before = schedule.NextFireAfter(Utc(2026, 10, 18, 0));
        var after = schedule.NextFireAfter(before);

        Assert.Equal(Utc(2026, 10, 19, 7), before);
        Assert.Equal(Utc(2026, 10, 26, 8), after);
    }

    [Fact]
    public void NextFireAfter_TimeInSpringForwardGap_FiresAtTheEndOfTheGap()
    {
        // Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that night.
        var fire = Schedule(DayOfWeek.Sunday, "02:30").NextFireAfter(Utc(2026, 3, 28, 12));

        Assert.Equal(Utc(2026, 3, 29, 1), fire);
        Assert.Equal(TimeSpan.FromHours(2), fire.Offset);
    }

    [Fact]
    public void NextFireAfter_AmbiguousFallBackTime_FiresOnceAtTheFirstOccurrence()
    {
        // Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice (00:30 and 01:30 UTC).
        var schedule = Schedule(DayOfWeek.Sunday, "02:30");

        var first = schedule.NextFireAfter(Utc(2026, 10, 24, 12));
        var next = schedule.NextFireAfter(first);

        Assert.Equal(Utc(2026, 10, 25, 0, 30), first);
        Assert.Equal(Utc(2026, 11, 1, 1, 30), next);
    }

    [Fact]
    public void NextFireAfter_ExactlyAtAFire_IsTheFollowingWeek()
    {
        var schedule = Schedule(DayOfWeek.Friday, "18:00");
        var fire = schedule.NextFireAfter(Utc(2026, 6, 1, 0));

        Assert.Equal(Utc(2026, 6, 5, 16), fire);
        Assert.Equal(fire.AddDays(7), schedule.NextFireAfter(fire));
        Assert.Equal(fire, schedule.NextFireAfter(fire.AddTicks(-1)));
    }

    [Fact]
    public void NextFireAfter_AYearOfFires_AllOnTheDayAndTimeLocally_SevenLocalDaysApart()
    {
        var schedule = Schedule(DayOfWeek.Sunday, "18:30");
        var at = Utc(2026, 1, 1, 0);
        for (var i = 0; i < 53; i++)
        {
            var next = schedule.NextFireAfter(at);
            var local = TimeZoneInfo.ConvertTime(next, Berlin);

            Assert.Equal(DayOfWeek.Sunday, local.DayOfWeek);
            Assert.Equal(new TimeOnly(18, 30), TimeOnly.FromDateTime(local.DateTime));
            if (i > 0)
            {
                Assert.Equal(7, (DateOnly.FromDateTime(local.DateTime).DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Berlin).DateTime).DayNumber));
            }

            at = next;
        }
    }

    [Fact]
    public void NextFireAfter_LateSundayUtc_IsAlreadyMondayInAsia()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var schedule = new DigestSchedule(DayOfWeek.Monday, new TimeOnly(8, 0), tokyo);

        // Sunday 22:00 UTC is Monday 07:00 in Tokyo: the fire is one hour later, not a week later.
        Assert.Equal(Utc(2026, 11, 22, 23), schedule.NextFireAfter(Utc(2026, 11, 22, 22)));
    }

    [Theory]
    [InlineData(2026, 11, 30, 8, 2026, 11, 23)] // Monday morning: the week that ended yesterday
    [InlineData(2026, 11, 29, 17, 2026, 11, 23)] // Sunday evening: the week ending today
    [InlineData(2026, 12, 2, 8, 2026, 11, 23)] // Wednesday: still the last complete week
    [InlineData(2026, 11, 28, 17, 2026, 11, 16)] // Saturday: the current week is not over
    public void WeekReported_IsTheLastWeekEndedByTheFireDay(int y, int m, int d, int hourUtc, int wy, int wm, int wd)
    {
        var schedule = Schedule(DayOfWeek.Monday, "09:00");

        Assert.Equal(new DateOnly(wy, wm, wd), schedule.WeekReported(Utc(y, m, d, hourUtc)));
    }

    [Fact]
    public void WeekReported_UsesTheGuildsZone_NotUtc()
    {
        // Sunday 23:30 UTC is already Monday 00:30 in Berlin: the week of 23 Nov has ended there, and a new one begun.
        var schedule = Schedule(DayOfWeek.Monday, "00:30");

        Assert.Equal(new DateOnly(2026, 11, 23), schedule.WeekReported(Utc(2026, 11, 29, 23, 30)));
        Assert.Equal(new DateOnly(2026, 11, 23), new DigestSchedule(DayOfWeek.Monday, new TimeOnly(0, 30), TimeZoneInfo.Utc).WeekReported(Utc(2026, 11, 29, 23, 30)));
        Assert.Equal(new DateOnly(2026, 11, 16), new DigestSchedule(DayOfWeek.Monday, new TimeOnly(0, 30), TimeZoneInfo.Utc).WeekReported(Utc(2026, 11, 28, 23, 30)));
    }

    [Fact]
    public void Parse_ValidInput_BuildsTheSchedule()
    {
        var result = DigestSchedule.Parse("sunday", "18:00", "europe/berlin");

        Assert.True(result.Success, result.Error);
        Assert.Equal(DayOfWeek.Sunday, result.Value!.Day);
        Assert.Equal(new TimeOnly(18, 0), result.Value.LocalTime);
        Assert.Equal("Europe/Berlin", result.Value.Zone.Id);
    }

    [Theory]
    [InlineData("mon-fri")]
    [InlineData("daily")]
    [InlineData("")]
    public void Parse_MoreThanOneDay_IsRefused(string day)
    {
        var result = DigestSchedule.Parse(day, "09:00", "UTC");

        Assert.False(result.Success);
        Assert.Contains("is not one day", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("funday", "09:00", "UTC", "is not a set of days")]
    [InlineData("mon", "25:00", "UTC", "is not a valid time")]
    [InlineData("mon", "09:00", "Mars/Olympus", "is not a known time zone")]
    public void Parse_BadInput_SaysWhatIsWrong(string day, string time, string zone, string expected)
    {
        var result = DigestSchedule.Parse(day, time, zone);

        Assert.False(result.Success);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
