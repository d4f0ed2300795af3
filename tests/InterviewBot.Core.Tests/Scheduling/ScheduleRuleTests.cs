using InterviewBot.Core.Scheduling;

namespace InterviewBot.Core.Tests.Scheduling;

public sealed class ScheduleRuleTests
{
    private static TimeZoneInfo Zone(string id) => IanaTimeZones.Parse(id).Value!;

    private static ScheduleRule Rule(string time, string zone, string days = "daily") =>
        new(LocalTimeParser.Parse(time).Value, Zone(zone), WeekdaySet.Parse(days).Value);

    private static DateTimeOffset Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void FireOn_BerlinNineInJanuary_IsEightUtc()
    {
        var fire = Rule("09:00", "Europe/Berlin").FireOn(new DateOnly(2026, 1, 15));

        Assert.Equal(Utc(2026, 1, 15, 8), fire!.Value.ToUniversalTime());
    }

    [Fact]
    public void FireOn_BerlinNineInJuly_IsSevenUtc()
    {
        var fire = Rule("09:00", "Europe/Berlin").FireOn(new DateOnly(2026, 7, 15));

        Assert.Equal(Utc(2026, 7, 15, 7), fire!.Value.ToUniversalTime());
    }

    [Fact]
    public void OccurrencesAfter_SpringForwardDay_TwoThirtyFiresOnceAtThreeLocal()
    {
        // Berlin springs forward on 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist.
        var rule = Rule("02:30", "Europe/Berlin");
        var fires = rule.OccurrencesAfter(Utc(2026, 3, 28, 0)).Take(3).ToList();

        Assert.Equal(Utc(2026, 3, 28, 1, 30), fires[0].ToUniversalTime()); // 02:30 CET
        Assert.Equal(Utc(2026, 3, 29, 1, 0), fires[1].ToUniversalTime());  // 03:00 CEST, the end of the gap
        Assert.Equal(Utc(2026, 3, 30, 0, 30), fires[2].ToUniversalTime()); // 02:30 CEST
        Assert.Equal(new TimeOnly(3, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(fires[1], rule.Zone).DateTime));
    }

    [Fact]
    public void OccurrencesAfter_FallBackDay_TwoThirtyFiresOnceAtFirstOccurrence()
    {
        // Berlin falls back on 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
        var fires = Rule("02:30", "Europe/Berlin").OccurrencesAfter(Utc(2026, 10, 24, 12)).Take(2).ToList();

        Assert.Equal(Utc(2026, 10, 25, 0, 30), fires[0].ToUniversalTime()); // first 02:30 (CEST)
        Assert.Equal(Utc(2026, 10, 26, 1, 30), fires[1].ToUniversalTime()); // next day, CET; no second fire on the 25th
    }

    [Fact]
    public void OccurrencesAfter_NewYorkAcrossDstChange_StaysAtNineLocal()
    {
        // New York springs forward on 2026-03-08.
        var fires = Rule("09:00", "America/New_York").OccurrencesAfter(Utc(2026, 3, 7, 0)).Take(2).ToList();

        Assert.Equal(Utc(2026, 3, 7, 14), fires[0].ToUniversalTime()); // EST, UTC-5
        Assert.Equal(Utc(2026, 3, 8, 13), fires[1].ToUniversalTime()); // EDT, UTC-4
    }

    [Fact]
    public void FireOn_KolkataHalfHourOffset_IsThreeThirtyUtc()
    {
        var fire = Rule("09:00", "Asia/Kolkata").FireOn(new DateOnly(2026, 6, 1));

        Assert.Equal(Utc(2026, 6, 1, 3, 30), fire!.Value.ToUniversalTime());
    }

    [Fact]
    public void OccurrencesAfter_MonFriInAucklandNearUtcMidnight_SkipsLocalWeekendNotUtcWeekend()
    {
        // 08:00 in Auckland (UTC+13 in January) is the previous day in UTC: Monday 08:00 NZDT is Sunday 19:00 UTC.
        var rule = Rule("08:00", "Pacific/Auckland", "mon-fri");
        var fires = rule.OccurrencesAfter(Utc(2026, 1, 9, 20)).Take(6).ToList(); // after Saturday 09:00 local

        Assert.All(fires, f => Assert.InRange(rule.LocalDateOf(f).DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        Assert.Equal(Utc(2026, 1, 11, 19), fires[0].ToUniversalTime()); // a Sunday in UTC, Monday locally
        Assert.Equal(DayOfWeek.Sunday, fires[0].UtcDateTime.DayOfWeek);
        Assert.Equal(new DateOnly(2026, 1, 19), rule.LocalDateOf(fires[5])); // the following Monday
    }

    [Fact]
    public void LocalDateOf_InstantJustBeforeLocalMidnight_UsesTheZonesDate()
    {
        var rule = Rule("23:30", "America/Los_Angeles");
        var fire = rule.FireOn(new DateOnly(2026, 5, 4))!.Value;

        Assert.Equal(new DateOnly(2026, 5, 5), DateOnly.FromDateTime(fire.UtcDateTime));
        Assert.Equal(new DateOnly(2026, 5, 4), rule.LocalDateOf(fire));
    }

    [Fact]
    public void LatestAtOrBefore_JustAfterAFire_ReturnsThatFire()
    {
        var rule = Rule("09:00", "Europe/Berlin");

        Assert.Equal(Utc(2026, 1, 15, 8), rule.LatestAtOrBefore(Utc(2026, 1, 15, 8, 1))!.Value.ToUniversalTime());
        Assert.Equal(Utc(2026, 1, 14, 8), rule.LatestAtOrBefore(Utc(2026, 1, 15, 7, 59))!.Value.ToUniversalTime());
    }

    [Fact]
    public void OccurrencesAfter_NoDays_YieldsNothing()
    {
        var rule = new ScheduleRule(new TimeOnly(9, 0), TimeZoneInfo.Utc, new WeekdaySet(0));

        Assert.Empty(rule.OccurrencesAfter(Utc(2026, 1, 1)).Take(1));
    }
}
