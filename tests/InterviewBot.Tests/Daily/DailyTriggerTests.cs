using InterviewBot.Core.Scheduling;
using InterviewBot.Features.Daily;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Daily;

/// <summary>
/// The Quartz trigger <see cref="DailyScheduler"/> actually registers for a schedule (cron text, zone and misfire
/// rule together): its fire times in UTC across daylight-saving changes, half-hour zones and local weekends.
/// </summary>
public sealed class DailyTriggerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Trigger_BerlinNine_FiresAtEightUtcInJanuaryAndSevenUtcInJuly()
    {
        var trigger = DailyScheduler.BuildTrigger(Schedule("09:00", "Europe/Berlin"), Start);

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 7, 0, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Trigger_BerlinTwoThirty_OnSpringForwardFiresOnceAtThreeLocal_OnFallBackOnceNotTwice()
    {
        var trigger = DailyScheduler.BuildTrigger(Schedule("02:30", "Europe/Berlin"), Start);

        var spring = Fires(trigger, new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero));
        var fall = Fires(trigger, new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero)],
            spring);
        // 25 October: 02:30 CEST (00:30 UTC) only, not also 02:30 CET (01:30 UTC).
        Assert.Equal(
            [new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero)],
            fall);
    }

    [Fact]
    public void Trigger_NewYorkNine_StaysAtNineLocalAcrossMarchChange()
    {
        var trigger = DailyScheduler.BuildTrigger(Schedule("09:00", "America/New_York"), Start);

        var fires = Fires(trigger, new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero));

        // 6 and 7 March: 09:00 EST (14:00 UTC); from 8 March (clocks change at 02:00): 09:00 EDT (13:00 UTC).
        Assert.Equal([14, 14, 13, 13], fires.Select(f => f.Hour));
    }

    [Fact]
    public void Trigger_KolkataNine_FiresAtThreeThirtyUtc()
    {
        var trigger = DailyScheduler.BuildTrigger(Schedule("09:00", "Asia/Kolkata"), Start);

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 3, 30, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Trigger_MonFriInAuckland_SkipsTheLocalWeekendNotTheUtcWeekend()
    {
        // 07:00 in Auckland (UTC+13 in January) is the previous UTC day: Monday's post fires on Sunday UTC.
        var trigger = DailyScheduler.BuildTrigger(Schedule("07:00", "Pacific/Auckland", "mon-fri"), Start);
        var zone = IanaTimeZones.Parse("Pacific/Auckland").Value!;

        var fires = Fires(trigger, new DateTimeOffset(2026, 1, 9, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 17, 0, 0, 0, TimeSpan.Zero));

        Assert.All(fires, f => Assert.InRange((int)TimeZoneInfo.ConvertTime(f, zone).DayOfWeek, 1, 5));
        Assert.Contains(fires, f => f.UtcDateTime.DayOfWeek == DayOfWeek.Sunday);
        Assert.DoesNotContain(fires, f => f.UtcDateTime.DayOfWeek == DayOfWeek.Friday);
        Assert.Equal(5, fires.Count);
    }

    [Fact]
    public void Trigger_MissedFire_IsNotReplayedByQuartz()
    {
        var trigger = DailyScheduler.BuildTrigger(Schedule("09:00", "Europe/Berlin"), Start);

        // Past its misfire threshold Quartz drops the fire; catch-up records the day as missed.
        Assert.Equal((int)Quartz.CronTriggerMisfireInstruction.DoNothing, trigger.MisfireInstructionCode);
    }

    [Fact]
    public void Trigger_MisfireThreshold_IsTheSchedulesGraceWindow()
    {
        // A fire Quartz reaches late (a burst of triggers, a short restart) is still taken inside the grace window,
        // the same limit catch-up applies.
        var trigger = DailyScheduler.BuildTrigger(Schedule("09:00", "Europe/Berlin") with { GraceMinutes = 90 }, Start);

        Assert.Equal(TimeSpan.FromMinutes(90), trigger.MisfireThreshold);
        Assert.Equal(TimeSpan.FromHours(6), DailyScheduler.BuildTrigger(Schedule("09:00", "Europe/Berlin"), Start).MisfireThreshold);
    }

    private static List<DateTimeOffset> Fires(Quartz.ITrigger trigger, DateTimeOffset from, DateTimeOffset to)
    {
        var fires = new List<DateTimeOffset>();
        for (var t = trigger.GetFireTimeAfter(from); t is { } fire && fire < to; t = trigger.GetFireTimeAfter(fire))
        {
            fires.Add(fire);
        }

        return fires;
    }

    private static DailySchedule Schedule(string time, string zone, string days = "daily") => new()
    {
        ScheduleId = 1,
        GuildId = 1,
        Name = "daily",
        ChannelId = 2,
        LocalTime = LocalTimeParser.Parse(time).Value,
        TimeZone = zone,
        Weekdays = WeekdaySet.Parse(days).Value,
    };
}
